package nendo.analysis;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.dict.UserDictionary;
import org.apache.lucene.analysis.ja.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.ja.tokenattributes.ReadingAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Finds the words worth suggesting in a text: runs of touching nouns (地域防災リーダー) and names in
 * quotes (『子育て支援ビジョン』, 「ゆりかごプラス」), each with its katakana reading so that people
 * can complete them from kana.
 */
public final class Vocabulary {
    /** A suggestible word and its folded katakana reading (empty when it has none). */
    public record Word(String text, String reading) {}

    private static final Pattern QUOTED = Pattern.compile("[「『]([^「『」』]{2,40})[」』]");
    private static final int MAX_LENGTH = 30;

    private final UserDictionary userDictionary;

    Vocabulary(UserDictionary userDictionary) {
        this.userDictionary = userDictionary;
    }

    public List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        List<Token> tokens = tokens(text);
        StringBuilder surface = new StringBuilder();
        StringBuilder reading = new StringBuilder();
        int lastEnd = -1;
        for (Token t : tokens) {
            boolean noun = t.pos().startsWith("名詞") && !t.pos().startsWith("名詞-数") && !t.pos().contains("非自立");
            if (!noun || t.start() != lastEnd) {
                add(words, surface, reading);
            }
            if (noun) {
                // Each noun on its own too (防災 inside 地域防災力), besides the whole run.
                if (t.surface().length() >= 2 && surface.length() > 0) {
                    words.add(new Word(t.surface(), KanaFolding.fold(t.reading())));
                }
                surface.append(t.surface());
                reading.append(t.reading());
                lastEnd = t.end();
            } else {
                lastEnd = -1;
            }
        }
        add(words, surface, reading);
        Matcher m = QUOTED.matcher(text);
        while (m.find()) {
            StringBuilder r = new StringBuilder();
            for (Token t : tokens) {
                if (t.start() >= m.start(1) && t.end() <= m.end(1)) r.append(t.reading());
            }
            words.add(new Word(m.group(1), KanaFolding.fold(r.toString())));
        }
        return words;
    }

    /** Whether a word is worth offering: two to {@value #MAX_LENGTH} characters, not a bare number. */
    public static boolean suggestible(CharSequence word) {
        return word.length() >= 2 && word.length() <= MAX_LENGTH && KanaFolding.hasNonDigit(word);
    }

    /**
     * The folded katakana reading of each word, read on its own. One tokenizer serves the whole list:
     * the words of a large archive number in the tens of thousands, and a tokenizer per word would
     * cost more than reading them.
     */
    public List<String> readings(List<String> words) {
        List<String> readings = new ArrayList<>(words.size());
        try (JapaneseTokenizer tokenizer = tokenizer()) {
            StringBuilder r = new StringBuilder();
            for (String word : words) {
                r.setLength(0);
                for (Token t : tokens(tokenizer, word)) r.append(t.reading());
                readings.add(KanaFolding.fold(r.toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return readings;
    }

    /**
     * The folded reading of a word as typed, half converted by an IME (ぼうさい訓練, 防災くんれん):
     * the kanji read by the dictionary in the context of the whole word (話し合い's 合い is アイ,
     * 高齢者's 者 is シャ, which read alone are ゴウ and モノ), the kana as spelled, since they are
     * the sound the person typed (the dictionary may read a kana word otherwise: いう as ユウ).
     */
    public String typedReading(String word) {
        StringBuilder reading = new StringBuilder();
        for (Token t : tokens(word)) {
            reading.append(KanaFolding.isKanaWord(t.surface()) ? t.surface() : t.reading());
        }
        return KanaFolding.fold(reading.toString());
    }

    private static void add(List<Word> words, StringBuilder surface, StringBuilder reading) {
        if (suggestible(surface)) {
            words.add(new Word(surface.toString(), KanaFolding.fold(reading.toString())));
        }
        surface.setLength(0);
        reading.setLength(0);
    }

    private record Token(String surface, String reading, String pos, int start, int end) {}

    private JapaneseTokenizer tokenizer() {
        return new JapaneseTokenizer(userDictionary, true, JapaneseTokenizer.Mode.NORMAL);
    }

    private List<Token> tokens(String text) {
        try (JapaneseTokenizer tokenizer = tokenizer()) {
            return tokens(tokenizer, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tokens of a text; the tokenizer is left closed, ready to read the next text. */
    private static List<Token> tokens(JapaneseTokenizer tokenizer, String text) throws IOException {
        List<Token> tokens = new ArrayList<>();
        CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
        ReadingAttribute reading = tokenizer.addAttribute(ReadingAttribute.class);
        PartOfSpeechAttribute pos = tokenizer.addAttribute(PartOfSpeechAttribute.class);
        OffsetAttribute offset = tokenizer.addAttribute(OffsetAttribute.class);
        tokenizer.setReader(new StringReader(text));
        tokenizer.reset();
        while (tokenizer.incrementToken()) {
            String r = reading.getReading();
            String p = pos.getPartOfSpeech();
            tokens.add(new Token(term.toString(), r == null ? term.toString() : r, p == null ? "" : p,
                    offset.startOffset(), offset.endOffset()));
        }
        tokenizer.end();
        tokenizer.close();
        return tokens;
    }
}
