package nendo.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ja.Token;
import org.apache.lucene.analysis.ja.tokenattributes.ReadingAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.Attribute;
import org.apache.lucene.util.AttributeFactory;
import org.apache.lucene.util.AttributeImpl;
import org.apache.lucene.util.AttributeReflector;
import org.junit.jupiter.api.Test;

/**
 * The reading filter on words with readings given here, as a dictionary might give them: the
 * analyzer table covers Kuromoji's own readings, and its dictionary reads nearly every kana word
 * as spelled, so this is where a reading that says otherwise can be tried.
 */
class ReadingBigramFilterTest {
    /** A word of the text and the reading its dictionary gives. */
    private record Word(String surface, String reading) {}

    /**
     * A word spelled in kana reads as spelled, whatever reading it is given (IPADIC reads いう
     * also as ユウ), so that text matching a kana query by its characters also matches it by reading
     * (TextQueries counts such a query by its reading alone). Other words, ヶ included, keep theirs.
     */
    @Test
    void aWordSpelledInKanaReadsAsSpelled() throws IOException {
        assertEquals(List.of("ネツ", "ツト", "トア", "アミ"), bigrams(new Word("ネット", "アミ"), new Word("網", "アミ")));
        assertEquals(List.of("カス", "スミ", "ミガ", "ガセ", "セキ"),
                bigrams(new Word("霞", "カスミ"), new Word("ヶ", "ガ"), new Word("関", "セキ")));
        assertEquals(List.of("バイ", "イオ", "オリ", "リン"), bigrams(new Word("ヴァイオリン", "ヴァイオリン")));
        assertEquals(List.of("トイ", "イウ"), bigrams(new Word("と", "ト"), new Word("いう", "ユウ")));
    }

    /**
     * Each bigram spans the words its two characters come from, so a highlight lands on the kanji;
     * a run ends at a word without a kana reading, and the next starts three positions on (two
     * empty ones between); a run of one character is that character. A second run of many bigrams
     * (more than the filter first makes room for) keeps them all, in order.
     */
    @Test
    void bigramsSpanTheirWordsAndRunsStandApart() throws IOException {
        assertEquals(List.of("チイ 0-2 +1", "イキ 0-2 +1", "キフ 0-4 +1", "フク 2-4 +1", "クシ 2-4 +1",
                        "ボウ 8-10 +3", "ウサ 8-10 +1", "サイ 8-10 +1", "キ 11-12 +3"),
                tokens(new Word("地域", "チイキ"), new Word("福祉", "フクシ"), new Word("2019", null),
                        new Word("防災", "ボウサイ"), new Word("、", null), new Word("木", "キ")));
        String longReading = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨ";
        List<String> many = tokens(new Word("長", longReading));
        assertEquals(longReading.length() - 1, many.size());
        assertEquals("アイ 0-1 +1", many.get(0));
        assertEquals("ユヨ 0-1 +1", many.get(many.size() - 1));
    }

    /** Each bigram with its offsets and position increment: {@code チイ 0-2 +1}. */
    private static List<String> tokens(Word... words) throws IOException {
        List<String> out = new ArrayList<>();
        try (ReadingBigramFilter filter = new ReadingBigramFilter(new GivenWords(words))) {
            CharTermAttribute term = filter.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = filter.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = filter.addAttribute(PositionIncrementAttribute.class);
            filter.reset();
            while (filter.incrementToken()) {
                out.add(term + " " + offset.startOffset() + "-" + offset.endOffset() + " +" + increment.getPositionIncrement());
            }
            filter.end();
        }
        return out;
    }

    /** The filter's bigrams over words that touch in the text, each read as given. */
    private static List<String> bigrams(Word... words) throws IOException {
        return tokens(words).stream().map(token -> token.substring(0, token.indexOf(' '))).toList();
    }

    /** Emits the words one after the other, each with its given reading. */
    private static final class GivenWords extends Tokenizer {
        private final Word[] words;
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private final GivenReading reading = (GivenReading) addAttribute(ReadingAttribute.class);
        private int next;
        private int at;

        GivenWords(Word[] words) {
            super(new AttributeFactory() {
                @Override
                public AttributeImpl createAttributeInstance(Class<? extends Attribute> type) {
                    return type == ReadingAttribute.class ? new GivenReading()
                            : AttributeFactory.DEFAULT_ATTRIBUTE_FACTORY.createAttributeInstance(type);
                }
            });
            this.words = words;
        }

        @Override
        public boolean incrementToken() {
            if (next == words.length) return false;
            clearAttributes();
            Word w = words[next++];
            term.append(w.surface());
            offset.setOffset(at, at + w.surface().length());
            at += w.surface().length();
            reading.value = w.reading();
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            next = 0;
            at = 0;
        }
    }

    /** A reading set directly, where Kuromoji's attribute takes it from a dictionary entry. */
    public static final class GivenReading extends AttributeImpl implements ReadingAttribute {
        private String value;

        @Override
        public String getReading() {
            return value;
        }

        @Override
        public String getPronunciation() {
            return value;
        }

        @Override
        public void setToken(Token token) {
            throw new UnsupportedOperationException("readings are given directly here");
        }

        @Override
        public void clear() {
            value = null;
        }

        @Override
        public void copyTo(AttributeImpl target) {
            ((GivenReading) target).value = value;
        }

        @Override
        public void reflectWith(AttributeReflector reflector) {
            reflector.reflect(ReadingAttribute.class, "reading", value);
        }
    }
}
