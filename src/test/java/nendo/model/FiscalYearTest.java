package nendo.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FiscalYearTest {
    @ParameterizedTest
    @CsvSource({"2019,令和元年度", "2020,令和2年度", "2024,令和6年度", "2018,平成30年度", "1989,平成元年度",
            "1988,昭和63年度", "1947,昭和22年度"})
    void era(int year, String era) {
        assertEquals(era, new FiscalYear(year).era());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1800, 1946, 2101})
    void outOfRange(int year) {
        assertThrows(IllegalArgumentException.class, () -> new FiscalYear(year));
    }

    @ParameterizedTest
    @CsvSource({"2019,2019（令和元年度）"})
    void label(int year, String label) {
        assertEquals(label, new FiscalYear(year).label());
    }
}
