package nendo.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import nendo.model.Department;
import nendo.model.Measure;
import nendo.model.PlanDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The curated Mitaka FY2019 document against its verbatim original. */
class MitakaCorpusTest {
    private static final Path CORPUS = Path.of("corpus");
    /** SHA-256 of shared/seeds/000_ed473fa6d39f6456.txt: the archive keeps it byte for byte. */
    private static final String SEED_SHA256 = "f1e4816540494471c2290ef5aadb805a7644ce8f71673edc186f87cabbee864a";

    private static PlanDocument doc;
    private static String original;

    @BeforeAll
    static void parse() throws Exception {
        doc = new PlanFileParser().parse(CORPUS, CORPUS.resolve("mitaka/2019.md"));
        original = Files.readString(CORPUS.resolve(doc.originalPath()), StandardCharsets.UTF_8);
    }

    @Test
    void originalIsTheSeedByteForByte() throws Exception {
        byte[] bytes = Files.readAllBytes(CORPUS.resolve("mitaka/2019.original.txt"));
        assertEquals(SEED_SHA256, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        assertEquals("mitaka/2019.original.txt", doc.originalPath());
    }

    @Test
    void metadata() {
        assertEquals("mitaka-2019", doc.id());
        assertEquals("三鷹市", doc.organization());
        assertEquals(2019, doc.fiscalYear());
        assertEquals("令和元年度", doc.era());
        assertEquals("各部の運営方針と目標", doc.series());
        assertFalse(doc.sample());
        assertEquals("企画経営課☎内線2150", doc.contact());
        assertTrue(doc.intro().startsWith("「各部の運営方針と目標」は、施政方針などに掲げる事業の実現を目指し"));
        assertTrue(doc.intro().contains("今号では、元年度「各部の運営方針と目標」の中から"));
    }

    @Test
    void eightDepartmentsInOrderWithThreeMeasuresEach() {
        assertEquals(List.of("企画部", "総務部", "都市整備部", "市民部", "生活環境部", "スポーツと文化部", "健康福祉部", "子ども政策部"),
                doc.departments().stream().map(Department::name).toList());
        for (Department d : doc.departments()) {
            assertEquals(3, d.measures().size(), d.name());
            assertNull(d.mission(), "the newsletter prints no mission text");
        }
        assertEquals(24, doc.measureCount());
        assertEquals(24, original.chars().filter(c -> c == '●').count(), "one measure per bullet of the original");
    }

    @Test
    void everyMeasureIsOriginalTextWithLineBreaksRemovedExactlyOnce() {
        String unwrapped = original.replace("\n", "");
        for (Department d : doc.departments()) {
            for (Measure m : d.measures()) {
                assertFalse(m.text().startsWith("●"), m.id());
                int first = unwrapped.indexOf("●" + m.text());
                assertTrue(first >= 0, "not in the original: " + m.text());
                assertEquals(-1, unwrapped.indexOf(m.text(), first + 2), "occurs twice: " + m.text());
                // The measure ends where the next bullet, a department label or the text ends.
                String after = unwrapped.substring(first + 1 + m.text().length());
                assertTrue(after.isEmpty() || after.startsWith("●") || after.matches("(?s)^(\\S+部)+.*"),
                        "measure cut short: " + m.id() + " followed by " + after.substring(0, Math.min(10, after.length())));
            }
        }
    }

    @Test
    void measuresSitUnderTheirDepartments() {
        Map<String, String> expected = Map.of(
                "『第4次三鷹市基本計画』", "企画部",
                "総合防災センターを核とした", "総務部",
                "防災出前講座の開催", "総務部",
                "『下水道再生計画』", "都市整備部",
                "窓口対応に関する職場研修", "市民部",
                "ふじみ衛生組合", "生活環境部",
                "ラグビーワールドカップ2019", "スポーツと文化部",
                "「ウエルカム ベビー プロジェクト みたか」", "健康福祉部",
                "子育て支援ニーズ調査", "子ども政策部",
                "幼児教育・保育の無償化", "子ども政策部");
        expected.forEach((phrase, dept) -> {
            List<String> owners = doc.departments().stream()
                    .filter(d -> d.measures().stream().anyMatch(m -> m.text().contains(phrase)))
                    .map(Department::name).toList();
            assertEquals(List.of(dept), owners, phrase);
        });
    }

    @Test
    void noticesAndHeadlineAreNotMeasures() {
        for (Department d : doc.departments()) {
            for (Measure m : d.measures()) {
                assertFalse(m.text().contains("市外局番"), m.id());
                assertFalse(m.text().contains("各部の取り組みを紹介します"), m.id());
                assertFalse(m.text().contains("冊子"), m.id());
                assertFalse(m.text().contains("内線2150"), m.id());
            }
        }
    }

    @Test
    void measureIdsAreStableAndOrdered() {
        assertEquals("mitaka-2019-01-01", doc.departments().get(0).measures().get(0).id());
        assertEquals("mitaka-2019-08-03", doc.departments().get(7).measures().get(2).id());
    }
}
