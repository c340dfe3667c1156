package nendo.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nendo.testing.TestArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exact results of known queries on the bundled corpus, through the production index. */
class SearchTest {
    @TempDir
    static Path dir;
    static TestArchive archive;

    @BeforeAll
    static void build() throws IOException {
        archive = TestArchive.bundled(dir);
    }

    @AfterAll
    static void close() throws IOException {
        archive.close();
    }

    private static SearchResponse search(String q, List<String> orgs) throws IOException {
        return archive.nendo().archive().search(new SearchRequest(q, List.of(), null, null, List.of(), orgs,
                List.of(), 1, 100, SearchRequest.SortOrder.RELEVANCE));
    }

    private static Set<String> ids(SearchResponse r) {
        return r.hits().stream().map(SearchResponse.Hit::id).collect(Collectors.toSet());
    }

    @Test
    void bosaiInMitakaFindsExactlyTheMeasuresThatSayIt() throws IOException {
        SearchResponse r = search("防災", List.of("三鷹市"));
        assertEquals(Set.of("mitaka-2019-02-01", "mitaka-2019-02-02", "mitaka-2019-06-01"), ids(r));
        for (SearchResponse.Hit h : r.hits()) {
            assertTrue(h.snippet().contains("<mark>防災</mark>"), h.snippet());
            assertEquals("令和元年度", h.era());
        }
        // The two 総務部 measures say 防災 four times each; the park's name only once.
        assertEquals("mitaka-2019-06-01", r.hits().get(2).id());
    }

    @Test
    void everyEntryContainingTheTextIsFoundAndNothingElse() throws IOException {
        for (String q : List.of("防災", "浄化槽", "子育て", "コロナ", "元年")) {
            SearchResponse r = search(q, List.of());
            long expected = countEntriesContaining(q);
            assertEquals(expected, r.total(), q);
            r.hits().forEach(h -> assertTrue(h.text().contains(q), q + " not in " + h.id()));
        }
    }

    @Test
    void compoundInsideALongerCompoundIsFound() throws IOException {
        SearchResponse r = search("浄化槽", List.of());
        assertTrue(r.total() > 0);
        r.hits().forEach(h -> assertTrue(h.snippet().contains("<mark>浄化槽</mark>"), h.snippet()));
    }

    @Test
    void facetsAddUpAndSampleIsFlagged() throws IOException {
        SearchResponse r = search("防災", List.of());
        for (List<SearchResponse.FacetValue> facet : List.of(r.facets().year(), r.facets().department(), r.facets().org())) {
            assertEquals(r.total(), facet.stream().mapToLong(SearchResponse.FacetValue::count).sum());
        }
        r.hits().forEach(h -> assertEquals(h.org().equals("架空市"), h.sample(), h.id()));
    }

    /**
     * The total and each facet against a plain filter over every hit of the unfiltered search: a
     * facet counts with every filter but its own, and a department is asked for by its canonical name,
     * or by the name printed that year where no department in scope is called so now (架空市's 企画部,
     * since renamed, when only 架空市 is asked for; with 三鷹市 in scope 企画部 is 三鷹市's department).
     */
    @Test
    void eachFacetCountsWithEveryFilterButItsOwn() throws IOException {
        List<SearchResponse.Hit> everyEntry = archive.nendo().archive().searchAll(new SearchRequest("", List.of(), null,
                null, List.of(), List.of(), List.of(), 1, 10, SearchRequest.SortOrder.RELEVANCE)).hits();
        for (String q : List.of("", "計画", "防災")) {
            List<SearchResponse.Hit> every = archive.nendo().archive().searchAll(new SearchRequest(q, List.of(), null, null,
                    List.of(), List.of(), List.of(), 1, 10, SearchRequest.SortOrder.RELEVANCE)).hits();
            for (Integer from : java.util.Arrays.asList(null, 2020)) {
                Integer to = from == null ? null : 2022;
                for (List<String> depts : List.of(List.<String>of(), List.of("企画部"), List.of("総務部", "市民部"))) {
                    for (List<String> orgs : List.of(List.<String>of(), List.of("架空市"))) {
                        String label = q + " " + from + " " + depts + " " + orgs;
                        SearchResponse r = archive.nendo().archive().search(new SearchRequest(q, List.of(), from, to,
                                depts, orgs, List.of(), 1, 10, SearchRequest.SortOrder.RELEVANCE));
                        java.util.function.Predicate<SearchResponse.Hit> year = h -> from == null || (h.year() >= from && h.year() <= to);
                        // A name no department in the organizations asked for is called now (架空市's 企画部)
                        // is matched by the name printed that year too.
                        java.util.function.Predicate<String> formerOnly = name -> everyEntry.stream().noneMatch(h ->
                                name.equals(h.departmentCanonical()) && (orgs.isEmpty() || orgs.contains(h.org())));
                        java.util.function.Predicate<SearchResponse.Hit> dept = h -> depts.isEmpty()
                                || depts.contains(h.departmentCanonical())
                                || (depts.contains(h.department()) && formerOnly.test(h.department()));
                        java.util.function.Predicate<SearchResponse.Hit> org = h -> orgs.isEmpty() || orgs.contains(h.org());
                        assertEquals(every.stream().filter(year.and(dept).and(org)).count(), r.total(), label);
                        assertEquals(counted(every.stream().filter(dept.and(org)), h -> Integer.toString(h.year())),
                                counted(r.facets().year()), "year " + label);
                        assertEquals(counted(every.stream().filter(year.and(org)), SearchResponse.Hit::departmentCanonical),
                                counted(r.facets().department()), "department " + label);
                        assertEquals(counted(every.stream().filter(year.and(dept)), SearchResponse.Hit::org),
                                counted(r.facets().org()), "org " + label);
                    }
                }
            }
        }
    }

    /**
     * Entries of the kinds asked for and no others, whether the query requires a word (the kind
     * filter is then left out when every kind with text is asked for), only excludes words, or is
     * empty: measures and missions add up to the whole, and a document entry is never a hit.
     */
    @Test
    void onlyTheKindsAskedForAreHits() throws IOException {
        for (String q : List.of("計画", "計画 -防災", "-防災", "")) {
            java.util.Map<List<String>, Long> totals = new java.util.HashMap<>();
            for (List<String> kinds : List.of(List.<String>of(), List.of("measure"), List.of("mission"),
                    List.of("measure", "mission"))) {
                SearchRequest request = new SearchRequest(q, List.of(), null, null, List.of(), List.of(), kinds, 1, 10,
                        SearchRequest.SortOrder.RELEVANCE);
                List<SearchResponse.Hit> every = archive.nendo().archive().searchAll(request).hits();
                Set<String> allowed = kinds.isEmpty() ? Set.of("measure", "mission") : Set.copyOf(kinds);
                every.forEach(h -> assertTrue(allowed.contains(h.kind()), q + " " + kinds + ": " + h.id() + " " + h.kind()));
                assertEquals(every.size(), archive.nendo().archive().search(request).total(), q + " " + kinds);
                totals.put(kinds, (long) every.size());
            }
            assertTrue(totals.get(List.of("measure")) > 0 && totals.get(List.of("mission")) > 0, q);
            assertEquals(totals.get(List.of("measure")) + totals.get(List.of("mission")), totals.get(List.of()), q);
            assertEquals(totals.get(List.of()), totals.get(List.of("measure", "mission")), q);
        }
    }

    private static java.util.Map<String, Long> counted(java.util.stream.Stream<SearchResponse.Hit> hits,
            java.util.function.Function<SearchResponse.Hit, String> value) {
        return hits.collect(Collectors.groupingBy(value, java.util.TreeMap::new, Collectors.counting()));
    }

    private static java.util.Map<String, Long> counted(List<SearchResponse.FacetValue> facet) {
        return facet.stream().collect(Collectors.toMap(SearchResponse.FacetValue::value, SearchResponse.FacetValue::count,
                Long::sum, java.util.TreeMap::new));
    }

    @Test
    void browsingListsTheDocumentInOrder() throws IOException {
        SearchResponse r = search("", List.of("三鷹市"));
        assertEquals(24, r.total());
        assertEquals("mitaka-2019-01-01", r.hits().get(0).id());
        assertEquals("mitaka-2019-08-03", r.hits().get(23).id());
        assertEquals(r.hits().get(0).text(), r.hits().get(0).snippet());
    }

    /** A one-document corpus of テスト市 FY2020 whose 総務部 has the given measure lines. */
    private static Path testCorpus(Path dir, String measures) throws IOException {
        Path corpus = dir.resolve("corpus");
        Files.createDirectories(corpus.resolve("x"));
        Files.writeString(corpus.resolve("x/2020.md"), """
                ---
                id: x-2020
                organization: テスト市
                fiscalYear: 2020
                series: 各部の運営方針と目標
                title: テスト
                ---

                ## 総務部

                """ + measures);
        return corpus;
    }

    /** Counts measure and mission entries whose text contains q, straight from the parsed corpus. */
    private static long countEntriesContaining(String q) {
        return archive.nendo().readCorpus().documents().stream()
                .flatMap(d -> d.departments().stream())
                .mapToLong(d -> (d.mission() != null && d.mission().contains(q) ? 1 : 0)
                        + d.measures().stream().filter(m -> m.text().contains(q)).count())
                .sum();
    }

    @Test
    void markupInTextIsEscapedInSnippets(@TempDir Path other) throws IOException {
        Path corpus = testCorpus(other, """
                - 防災と<script>alert(1)</script>の"訓練"&点検を行います。
                """);
        try (TestArchive small = TestArchive.of(other, corpus)) {
            SearchResponse r = small.nendo().archive().search(SearchRequest.of("防災"));
            assertEquals(1, r.total());
            assertEquals("<mark>防災</mark>と&lt;script&gt;alert(1)&lt;/script&gt;の&quot;訓練&quot;&amp;点検を行います。",
                    r.hits().get(0).snippet());
        }
    }

    /** A break typed in a word (・、、, a space in quotes) finds the text with that break and the text without it. */
    @Test
    void aWordTypedWithABreakAlsoFindsTheTextWithoutIt(@TempDir Path other) throws IOException {
        Path corpus = testCorpus(other, """
                - 職員のライフ・ワーク・バランスを推進します。
                - 職員のライフワークバランスを推進します。
                - 地域防災計画を改定します。
                - 防災、計画的な点検を行います。
                """);
        try (TestArchive small = TestArchive.of(other, corpus)) {
            PlanArchive a = small.nendo().archive();
            assertEquals(2, a.search(SearchRequest.of("ライフ・ワーク・バランス")).total());
            assertEquals(2, a.search(SearchRequest.of("ライフワークバランス")).total(), "a middle dot is written or left out");
            assertEquals(2, a.search(SearchRequest.of("防災、計画")).total());
            assertEquals(1, a.search(SearchRequest.of("防災計画")).total(), "防災、計画 is not the word 防災計画");
            assertEquals(2, a.search(SearchRequest.of("\"防災 計画\"")).total());
            SearchResponse marked = a.search(SearchRequest.of("ライフ・ワーク"));
            assertEquals(Set.of("職員の<mark>ライフ・ワーク</mark>・バランスを推進します。", "職員の<mark>ライフワーク</mark>バランスを推進します。"),
                    marked.hits().stream().map(SearchResponse.Hit::snippet).collect(Collectors.toSet()));
        }
    }

    /** 安全・安心 and 安全安心 are one spelling for people: either finds both, by characters and by sound. */
    @Test
    void aMiddleDotIsWrittenOrLeftOut(@TempDir Path other) throws IOException {
        Path corpus = testCorpus(other, """
                - 職員のライフ・ワーク・バランスを推進します。
                - 職員のライフワークバランスを推進します。
                - 安全・安心なまちづくりを進めます。
                - 安全安心なまちづくりを進めます。
                - 安全、安心な暮らしを支えます。
                - ＡＩ・ＲＰＡを活用します。
                """);
        try (TestArchive small = TestArchive.of(other, corpus)) {
            PlanArchive a = small.nendo().archive();
            for (String q : List.of("ライフワークバランス", "ライフ・ワーク・バランス", "ライフ・ワークバランス", "らいふわーくばらんす")) {
                assertEquals(2, a.search(SearchRequest.of(q)).total(), q);
            }
            for (String q : List.of("安全安心", "安全・安心", "あんぜんあんしん")) {
                assertEquals(2, a.search(SearchRequest.of(q)).total(), q + ": not 安全、安心, where 、 is a break");
            }
            assertEquals(1, a.search(SearchRequest.of("ＡＩ・ＲＰＡ")).total());
            assertEquals(0, a.search(SearchRequest.of("ＡＩＲＰＡ")).total(), "between Latin words the dot stays a break");
            assertTrue(snippets(a.search(SearchRequest.of("ワーク"))).contains("職員のライフ・<mark>ワーク</mark>・バランスを推進します。"),
                    "the mark leaves the dot out");
            assertEquals(Set.of("<mark>安全・安心</mark>なまちづくりを進めます。", "<mark>安全安心</mark>なまちづくりを進めます。"),
                    snippets(a.search(SearchRequest.of("安全安心"))));
            assertEquals(Set.of("<mark>安全・安心</mark>なまちづくりを進めます。", "<mark>安全安心</mark>なまちづくりを進めます。"),
                    snippets(a.search(SearchRequest.of("あんぜんあんしん"))));
        }
    }

    private static Set<String> snippets(SearchResponse r) {
        return r.hits().stream().map(SearchResponse.Hit::snippet).collect(Collectors.toSet());
    }

    @Test
    void synonymsExpandAndSayWhat() throws IOException {
        SearchResponse r = search("国保", List.of());
        assertEquals(countEntriesContaining("国保") + countEntriesContaining("国民健康保険"), r.total());
        assertTrue(ids(r).contains("mitaka-2019-04-03"), "Mitaka's 国民健康保険 measure");
        assertEquals(List.of(new SearchResponse.Expansion("国保", List.of("国民健康保険"))), r.expansions());
        r.hits().stream().filter(h -> h.id().equals("mitaka-2019-04-03"))
                .forEach(h -> assertTrue(h.snippet().contains("<mark>国民健康保険</mark>"), h.snippet()));
        assertEquals(List.of(), search("\"国保\"", List.of()).expansions(), "a quoted phrase is literal");
    }

    /**
     * A synonym is what the user probably meant, not what they typed: an entry saying the word typed
     * ranks above every entry that only says a synonym, even when the typed word is written with
     * middle dots that cut it into other words (ライフ・ワーク・バランス: Kuromoji reads the typed
     * ライフワークバランス as ライフワーク + バランス) and the synonym is written as one word.
     */
    @Test
    void aSynonymNeverOutranksTheWordTyped(@TempDir Path other) throws IOException {
        SearchResponse typed = search("ライフワークバランス", List.of());
        assertEquals(countEntriesContaining("ライフ・ワーク・バランス") + countEntriesContaining("ワークライフバランス"),
                typed.total());
        List<SearchResponse.Hit> hits = typed.hits();
        assertTrue(hits.get(hits.size() - 1).text().contains("ワークライフバランス"), "the synonym's entry comes last");
        hits.subList(0, hits.size() - 1).forEach(h -> assertTrue(h.text().contains("ライフ・ワーク・バランス"), h.text()));
        assertTrue(search("ワークライフバランス", List.of()).hits().get(0).text().contains("ワークライフバランス"),
                "typed the other way, that entry comes first");

        // Also when the synonym's entry is short and the typed word's entry long.
        Path corpus = testCorpus(other, """
                - ワークライフバランスを進めます。
                - 業務の見直しと時差勤務の拡大を全庁で進め、職員のライフ・ワーク・バランスの推進と、多様な働き方に対応した職場環境の整備を図ります。
                """);
        try (TestArchive small = TestArchive.of(other, corpus)) {
            SearchResponse r = small.nendo().archive().search(SearchRequest.of("ライフワークバランス"));
            assertEquals(List.of("x-2020-01-02", "x-2020-01-01"), r.hits().stream().map(SearchResponse.Hit::id).toList());
        }
    }

    @Test
    void eraInTheQueryBecomesAYearFilter() throws IOException {
        for (String era : List.of("令和元年度", "平成31年度", "R1", "H31", "2019年度", "２０１９年度")) {
            SearchResponse r = search(era + " 防災", List.of());
            assertEquals(List.of(2019), r.queryYears(), era);
            assertEquals(5, r.total(), era);
            r.hits().forEach(h -> assertEquals(2019, h.year()));
        }
    }

    /** Years typed against a word, as residents type them, are the same filter as years typed apart. */
    @Test
    void aYearGluedToAWordBecomesAYearFilter() throws IOException {
        for (String[] glued : new String[][] {{"令和3年度コロナ", "令和3年度 コロナ"}, {"2020年度コロナ", "2020年度 コロナ"},
                {"R2コロナ", "R2 コロナ"}, {"コロナ令和2年度", "令和2年度 コロナ"}, {"令和２年度コロナ", "令和2年度 コロナ"},
                {"令和元年度（2019年度） 防災", "令和元年度 防災"}}) {
            SearchResponse typed = search(glued[0], List.of());
            SearchResponse apart = search(glued[1], List.of());
            assertTrue(apart.total() > 0, glued[1]);
            assertEquals(apart.total(), typed.total(), glued[0]);
            assertEquals(ids(apart), ids(typed), glued[0]);
            assertEquals(apart.queryYears(), typed.queryYears(), glued[0]);
            assertTrue(typed.notices().stream().anyMatch(n -> n.contains("の絞り込みとして扱いました")), typed.notices().toString());
        }
        // Digits that belong to the word stay in it: no year filter.
        assertEquals(List.of(), search("2020年東京大会", List.of()).queryYears());
        assertEquals(List.of(), search("令和元年東日本台風", List.of()).queryYears());
    }

    /**
     * A measure has one year: years named in the query, and with the year= parameter, are one filter
     * that any of them passes, as years ticked in the facet are.
     */
    @Test
    void yearsNamedInTheQueryAndParametersAreAlternatives() throws IOException {
        SearchResponse ticked = archive.nendo().archive().search(new SearchRequest("コロナ", List.of(2021, 2022), null,
                null, List.of(), List.of(), List.of(), 1, 100, SearchRequest.SortOrder.RELEVANCE));
        assertEquals(8, ticked.total());
        for (String q : List.of("R3 R4 コロナ", "令和3年度 令和4年度 コロナ", "R3 OR R4 コロナ", "令和3年度コロナ R4")) {
            SearchResponse r = search(q, List.of());
            assertEquals(ids(ticked), ids(r), q);
            assertEquals(List.of(2021, 2022), r.queryYears(), q);
            assertEquals("コロナ", r.queryWithoutYears(), q);
        }
        // R3 in the query and 2020 ticked: both years, as the facet shows them ticked.
        SearchResponse both = archive.nendo().archive().search(new SearchRequest("R3 コロナ", List.of(2020), null,
                null, List.of(), List.of(), List.of(), 1, 100, SearchRequest.SortOrder.RELEVANCE));
        assertEquals(4 + 5, both.total());
        assertEquals(Set.of(2020, 2021), both.hits().stream().map(SearchResponse.Hit::year).collect(Collectors.toSet()));
        // The range still narrows: a year outside it is not searched.
        SearchResponse ranged = archive.nendo().archive().search(new SearchRequest("R3 R4 コロナ", List.of(), 2022,
                null, List.of(), List.of(), List.of(), 1, 100, SearchRequest.SortOrder.RELEVANCE));
        assertEquals(3, ranged.total());
        // The same year named twice is one year, and a query without years is returned as typed.
        assertEquals(List.of(2019), search("令和元年度 令和元年度 防災", List.of()).queryYears());
        assertEquals("防災  訓練", search("防災  訓練", List.of()).queryWithoutYears());
        assertEquals("防災 OR 子育て \"地域 防災\" -訓練", search("R1 防災 OR 子育て -訓練 \"地域 防災\"", List.of()).queryWithoutYears());
    }

    /** Operators as keyboards and IMEs type them find what the ASCII operator finds. */
    @Test
    void operatorVariantsFindWhatTheAsciiOperatorFinds() throws IOException {
        String[][] same = {{"防災 −訓練", "防災 -訓練"}, {"防災 ‐訓練", "防災 -訓練"}, {"防災 –訓練", "防災 -訓練"},
                {"防災 ー訓練", "防災 -訓練"}, {"防災 AND 訓練", "防災 訓練"}, {"防災 or 子育て", "防災 OR 子育て"},
                {"防災 ｏｒ 子育て", "防災 OR 子育て"}, {"防災+訓練", "防災 訓練"}, {"防災 | 子育て", "防災 OR 子育て"}};
        for (String[] pair : same) {
            SearchResponse typed = search(pair[0], List.of());
            SearchResponse ascii = search(pair[1], List.of());
            assertTrue(ascii.total() > 0, pair[1]);
            assertEquals(ids(ascii), ids(typed), pair[0]);
        }
        assertTrue(search("防災 -訓練", List.of()).total() < search("防災", List.of()).total(), "the exclusion excludes");
    }

    /**
     * A word typed half converted finds what it says, which is nothing here; the words read the
     * same are offered instead (the もしかして list), in the place of that word.
     */
    @Test
    void aHalfConvertedWordOffersTheWordsReadTheSame() throws IOException {
        String[][] offered = {{"ぼうさい訓練", "防災訓練"}, {"防災くんれん", "防災訓練"}, {"市民さんか", "市民参加"},
                {"子そだて", "子育て"}, {"防さい", "防災"}, {"ぼうさい訓練 防災", "防災訓練 防災"}};
        for (String[] pair : offered) {
            SearchResponse r = search(pair[0], List.of());
            assertEquals(0, r.total(), pair[0]);
            assertEquals(pair[1], r.alternatives().get(0), pair[0] + " " + r.alternatives());
            assertTrue(search(pair[1], List.of()).total() > 0, pair[1]);
        }
        // Two words that each find something but never meet: neither is read again as another word.
        SearchResponse apart = search("子ども 下水道", List.of());
        assertEquals(0, apart.total());
        assertTrue(search("子ども", List.of()).total() > 0 && search("下水道", List.of()).total() > 0);
        assertTrue(apart.alternatives().stream().noneMatch(a -> a.contains("下水道")), apart.alternatives().toString());
    }

    @Test
    void kanaQueriesFindKanjiTextByReading() throws IOException {
        SearchResponse bosai = search("ぼうさい", List.of("三鷹市"));
        assertEquals(Set.of("mitaka-2019-02-01", "mitaka-2019-02-02", "mitaka-2019-06-01"), ids(bosai));
        bosai.hits().forEach(h -> assertTrue(h.snippet().contains("<mark>防災</mark>"), h.snippet()));

        SearchResponse fukushi = search("ちいきふくし", List.of());
        assertEquals(countEntriesContaining("地域福祉"), fukushi.total());
        assertTrue(ids(fukushi).contains("mitaka-2019-07-03"));

        SearchResponse kodomo = search("こども", List.of());
        assertEquals(countEntriesContaining("子ども") + countEntriesContaining("子供") + countEntriesContaining("こども"),
                kodomo.total(), "こども also finds 子ども and 子供 (no entry says two of them)");

        SearchResponse welcome = search("ウェルカム", List.of());
        assertTrue(ids(welcome).contains("mitaka-2019-07-01"), "ウェルカム finds ウエルカム");
        assertEquals(countEntriesContaining("ウエルカム") + countEntriesContaining("ウェルカム"), welcome.total());
        // Kana read as spelled are marked character by character: the query, not the whole word.
        String guide = welcome.hits().stream().map(SearchResponse.Hit::snippet).filter(t -> t.contains("ガイド"))
                .findFirst().orElseThrow();
        assertTrue(guide.contains("「<mark>ウェルカム</mark>ガイド」"), guide);
    }

    @Test
    void literalMatchesRankAboveReadingMatches() throws IOException {
        // ごみ is written ごみ in most entries and ゴミ once: both are found, the literal ones first.
        SearchResponse r = search("ごみ", List.of());
        assertEquals(countEntriesContaining("ごみ") + countEntriesContaining("ゴミ"), r.total());
        assertTrue(r.hits().get(0).text().contains("ごみ"));
    }

    /**
     * A kana word is found by its reading (which holds its spelling, its spelling variants and
     * kanji read the same) and the text as typed ranks first, even a long entry against a short one,
     * alone or as one side of an OR.
     */
    @Test
    void aKanaWordIsFoundByReadingAndTheSpellingTypedRanksFirst(@TempDir Path other) throws IOException {
        Path corpus = testCorpus(other, """
                - ウエルカムイベントを開きます。
                - 市民と事業者の協働により、地域の魅力を発信するウェルカムイベントを、駅前の広場で毎年開きます。
                - 防災の日に訓練を行います。
                - 子供の居場所をつくります。
                - 市民と地域の団体が協力して、放課後のこどもの居場所を、学校の近くに新しく毎年つくります。
                """);
        try (TestArchive small = TestArchive.of(other, corpus)) {
            PlanArchive a = small.nendo().archive();
            for (String q : List.of("ウェルカ", "ウェルカ OR 花火大会")) {
                SearchResponse r = a.search(SearchRequest.of(q));
                assertEquals(List.of("x-2020-01-02", "x-2020-01-01"), r.hits().stream().map(SearchResponse.Hit::id).toList(), q);
                // A reading match of kana marks the characters read so, as a match of characters
                // would (not the whole of Kuromoji's word ウェルカムイベント); a reading of kanji
                // marks its word (防災 below).
                assertEquals(Set.of("<mark>ウエルカ</mark>ムイベントを開きます。",
                        "市民と事業者の協働により、地域の魅力を発信する<mark>ウェルカ</mark>ムイベントを、駅前の広場で毎年開きます。"),
                        snippets(r), q);
            }
            SearchResponse bosai = a.search(SearchRequest.of("ボウサイ"));
            assertEquals(List.of("x-2020-01-03"), bosai.hits().stream().map(SearchResponse.Hit::id).toList());
            assertEquals(Set.of("<mark>防災</mark>の日に訓練を行います。"), snippets(bosai));
            SearchResponse kodomo = a.search(SearchRequest.of("こども"));
            assertEquals(List.of("x-2020-01-05", "x-2020-01-04"), kodomo.hits().stream().map(SearchResponse.Hit::id).toList());
        }
    }

    @Test
    void bigramOnlyMatchAcrossAWordBoundaryNeverOutranksTheWord(@TempDir Path other) throws IOException {
        Path corpus = testCorpus(other, """
                - 東京都と連携します。
                - 姉妹都市である京都の市町村との交流事業について、文化・観光・防災・教育など幅広い分野で、市民、事業者、関係団体と協働しながら、長期的な視点で検討を進めます。
                """);
        try (TestArchive small = TestArchive.of(other, corpus)) {
            SearchResponse r = small.nendo().archive().search(SearchRequest.of("京都"));
            assertEquals(List.of("x-2020-01-02", "x-2020-01-01"), r.hits().stream().map(SearchResponse.Hit::id).toList());
        }
    }

    @Test
    void suggestionsCompleteKanjiAndKanaPrefixes() throws IOException {
        PlanArchive a = archive.nendo().archive();
        assertEquals("防災", a.suggest("ぼう").suggestions().get(0).text(), "hiragana reading prefix");
        assertEquals("防災", a.suggest("ボウサ").suggestions().get(0).text(), "katakana reading prefix");
        ArchiveViews.Suggestion first = a.suggest("防").suggestions().get(0);
        assertEquals("防災", first.text());
        assertEquals("<mark>防</mark>災", first.html());
        assertTrue(a.suggest("ゆりかご").suggestions().stream().anyMatch(x -> x.text().equals("ゆりかごプラス")));
        assertEquals(List.of(), a.suggest("").suggestions());
        assertTrue(a.suggest("防").suggestions().size() <= 10);
    }

    @Test
    void zeroHitSearchOffersTheNearestWords() throws IOException {
        SearchResponse r = search("防災訓連", List.of());
        assertEquals(0, r.total());
        assertTrue(r.alternatives().contains("防災訓練"), r.alternatives().toString());
        assertEquals(List.of(), search("防災", List.of()).alternatives());
    }

    @Test
    void filtersThatExcludeEveryHitGetNoOtherWordsButTheFacetsSayWhere() throws IOException {
        SearchResponse elsewhere = archive.nendo().archive().search(new SearchRequest("防災", List.of(), 1950, 1950,
                List.of(), List.of(), List.of(), 1, 10, SearchRequest.SortOrder.RELEVANCE));
        assertEquals(0, elsewhere.total());
        assertEquals(List.of(), elsewhere.alternatives(), "the word is spelled right: only the years exclude it");
        assertTrue(elsewhere.facets().found());
        assertTrue(elsewhere.facets().year().stream().anyMatch(v -> v.value().equals("2019") && v.count() > 0),
                elsewhere.facets().year().toString());
        // A misspelling under the same filter still gets other words: it matches nothing anywhere.
        SearchResponse misspelled = archive.nendo().archive().search(new SearchRequest("防災訓連", List.of(), 1950, 1950,
                List.of(), List.of(), List.of(), 1, 10, SearchRequest.SortOrder.RELEVANCE));
        assertFalse(misspelled.facets().found());
        assertTrue(misspelled.alternatives().contains("防災訓練"), misspelled.alternatives().toString());
    }
}
