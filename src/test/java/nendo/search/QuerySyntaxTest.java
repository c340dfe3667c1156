package nendo.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
            """)
    void splitsWhereAPersonSeparatesWords(String typed, String expected) {
        assertEquals(expected, describe(syntax.parse(typed)));
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
