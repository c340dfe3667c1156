package nendo.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How typed queries split into words: groups (AND) of alternatives (OR), exclusions, phrases. */
class QuerySyntaxTest {
    private final QuerySyntax syntax = new QuerySyntax();

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '\'', textBlock = """
            防災 訓練          => 防災 & 訓練
            防災　訓練         => 防災 & 訓練
            防災、訓練         => 防災 & 訓練
            防災，訓練         => 防災 & 訓練
            防災,訓練          => 防災 & 訓練
            防災､訓練          => 防災 & 訓練
            防災、、 訓練,     => 防災 & 訓練
            防災、OR、訓練     => 防災 | 訓練
            防災、-訓練        => 防災 & -訓練
            "防災、訓練"       => "防災、訓練"
            1,000人            => 1,000人
            定員1,200名、増員  => 定員1,200名 & 増員
            ライフ・ワーク     => ライフ・ワーク
            防災 −訓練         => 防災 & -訓練
            防災 ‐訓練         => 防災 & -訓練
            防災 ‑訓練         => 防災 & -訓練
            防災 –訓練         => 防災 & -訓練
            防災 —訓練         => 防災 & -訓練
            防災 ―訓練         => 防災 & -訓練
            防災 ー訓練        => 防災 & -訓練
            防災 ｰ訓練         => 防災 & -訓練
            防災 －訓練        => 防災 & -訓練
            防災 ー"避難 所"   => 防災 & -"避難 所"
            ボーナス ラーメン  => ボーナス & ラーメン
            防災-訓練          => 防災-訓練
            防災 AND 訓練      => 防災 & 訓練
            防災 and 訓練      => 防災 & 訓練
            防災 Ａｎｄ 訓練   => 防災 & 訓練
            防災 or 子育て     => 防災 | 子育て
            防災 Or 子育て     => 防災 | 子育て
            防災 ｏｒ 子育て   => 防災 | 子育て
            防災 ＯＲ 子育て   => 防災 | 子育て
            防災+訓練          => 防災 & 訓練
            防災 +訓練         => 防災 & 訓練
            防災＋訓練         => 防災 & 訓練
            防災 | 子育て      => 防災 | 子育て
            防災|子育て        => 防災 | 子育て
            防災｜子育て       => 防災 | 子育て
            OR 防災            => 防災
            防災 OR -訓練      => 防災 & -訓練
            -訓練 OR 防災      => 防災 & -訓練
            """)
    void splitsWhereAPersonSeparatesWords(String typed, String expected) {
        assertEquals(expected, describe(syntax.parse(typed)));
    }

    /** What the user is told: repairs, and readings they might not expect, each once. */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '\'', textBlock = """
            防災 ー訓練        => 「ー訓練」を除外（-訓練）として読みました
            防災 −訓練         => 「−訓練」を除外（-訓練）として読みました
            防災 or 子育て     => 「or」を OR として読みました
            防災 ｏｒ 子育て   => 「or」を OR として読みました
            防災 OR -訓練      => OR の後の「-訓練」は除外する語のため、OR を無視して「訓練」を除外しました
            -訓練 OR 防災      => 除外する語（-訓練）は OR でつなげないため、OR を無視しました
            防災 ー            => 「ー」の後に除外する語がないため無視しました
            """)
    void saysHowAnUnusualSpellingWasRead(String typed, String notice) {
        assertEquals(java.util.List.of(notice), syntax.parse(typed).notices());
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"防災 -訓練", "防災 OR 子育て", "防災 AND 訓練", "防災+訓練",
            "防災 | 子育て", "防災 訓練", "ボーナス"})
    void theUsualSpellingsNeedNoNotice(String typed) {
        assertEquals(java.util.List.of(), syntax.parse(typed).notices());
    }

    @org.junit.jupiter.api.Test
    void aRepeatedRepairIsToldOnce() {
        assertEquals(java.util.List.of("「-」の後に除外する語がないため無視しました"), syntax.parse("防災 - ".repeat(15)).notices());
        assertEquals(java.util.List.of("OR の前に語がないため無視しました"), syntax.parse("OR ".repeat(300)).notices());
        for (String operatorsOnly : java.util.List.of("AND", "+", "and ＋ AND")) {
            String nfkc = java.text.Normalizer.normalize(operatorsOnly, java.text.Normalizer.Form.NFKC);
            assertTrue(syntax.parse(operatorsOnly).notices().contains("「" + nfkc + "」には検索する語がないため、語なしで表示しました"),
                    operatorsOnly + ": " + syntax.parse(operatorsOnly).notices());
        }
        assertEquals(java.util.List.of("OR の前に語がないため無視しました"), syntax.parse("OR").notices(), "told once");
        assertEquals(java.util.List.of(), syntax.parse("防災 AND 訓練").notices());
        assertEquals(java.util.List.of(), syntax.parse("   ").notices(), "a blank query browses, as ever");
    }

    /** Written back (for the query without its years), a query parses to the same words. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"防災 訓練", "防災 OR 子育て -訓練", "\"地域 防災\" OR 訓練 -\"避難 所\"",
            "防災、OR、訓練", "1,000人 定員", "--訓練 防災", "防災 OR", "\"防災"})
    void aQueryWrittenBackParsesTheSame(String typed) {
        QuerySyntax.Parsed parsed = syntax.parse(typed);
        QuerySyntax.Parsed again = syntax.parse(QuerySyntax.text(parsed));
        assertEquals(parsed.groups(), again.groups(), typed);
        assertEquals(parsed.excluded(), again.excluded(), typed);
    }

    /** Groups joined by &, alternatives by |, exclusions with -, phrases in quotes. */
    private static String describe(QuerySyntax.Parsed parsed) {
        String groups = parsed.groups().stream()
                .map(g -> g.stream().map(QuerySyntaxTest::term).collect(Collectors.joining(" | ")))
                .collect(Collectors.joining(" & "));
        String excluded = parsed.excluded().stream().map(t -> "-" + term(t)).collect(Collectors.joining(" & "));
        return groups.isEmpty() ? excluded : excluded.isEmpty() ? groups : groups + " & " + excluded;
    }

    private static String term(QuerySyntax.Term t) {
        return t.phrase() ? "\"" + t.text() + "\"" : t.text();
    }
}
