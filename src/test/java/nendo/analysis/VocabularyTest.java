package nendo.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reading of a word typed half converted, which offers the archive's words read the same. */
class VocabularyTest {
    private static final Vocabulary VOCABULARY = new AnalyzerFactory().vocabulary();

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiterString = "=>", textBlock = """
            ぼうさい訓練   => ボウサイクンレン
            防災くんれん   => ボウサイクンレン
            市民さんか     => シミンサンカ
            子そだて       => コソダテ
            防さい         => ボウサイ
            はなし合い     => ハナシアイ
            こうれい者     => コウレイシヤ
            """)
    void readsKanjiInTheWordsContextAndKanaAsTyped(String typed, String reading) {
        assertEquals(reading, VOCABULARY.typedReading(typed));
    }
}
