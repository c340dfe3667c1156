package nendo.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Query-side synonyms (表記ゆれ, abbreviations) read from an editable file: one group of equivalent
 * words per line, separated by commas. Applied to whole query words only, so that editing the file
 * never requires rebuilding the index. The file is validated when loaded: every mistake names its
 * line, and the service refuses to start rather than silently ignoring a group.
 */
public final class Synonyms {
    private final Map<String, List<String>> groups;

    private Synonyms(Map<String, List<String>> groups) {
        this.groups = groups;
    }

    public static Synonyms none() {
        return new Synonyms(Map.of());
    }

    /** Loads the file bundled with the application (src/main/resources/nendo/analysis/synonyms.txt). */
    public static Synonyms bundled() {
        try (InputStream in = Synonyms.class.getResourceAsStream("synonyms.txt")) {
            if (in == null) throw new IllegalStateException("missing resource nendo/analysis/synonyms.txt");
            return parse("synonyms.txt", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws IllegalArgumentException naming the file and line of the first mistake */
    public static Synonyms parse(String fileName, String text) {
        Map<String, List<String>> groups = new HashMap<>();
        Map<String, Integer> lineOfWord = new HashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] parts = line.split("[,，、]", -1);
            Set<String> words = new LinkedHashSet<>();
            Set<String> keys = new HashSet<>();
            for (String part : parts) {
                String word = part.strip();
                if (word.isEmpty()) throw error(fileName, lineNo, "空の語があります（カンマが続いているか、行末にカンマがあります）");
                if (word.matches(".*\\s.*")) throw error(fileName, lineNo, "語に空白は使えません: '" + word + "'");
                if (!keys.add(key(word))) {
                    throw error(fileName, lineNo, "同じ語が二度あります: '" + word + "'（全角・半角、大文字・小文字、漢字・かなの間の「・」の有無は同じ語です）");
                }
                words.add(word);
            }
            if (words.size() < 2) throw error(fileName, lineNo, "同義語は二語以上をカンマで区切って書いてください");
            List<String> group = List.copyOf(words);
            for (String word : group) {
                String key = key(word);
                Integer previous = lineOfWord.putIfAbsent(key, lineNo);
                if (previous != null) {
                    throw error(fileName, lineNo, "'" + word + "' は " + previous + " 行目にもあります（一語は一つのグループにだけ書けます）");
                }
                groups.put(key, group);
            }
        }
        return new Synonyms(Map.copyOf(groups));
    }

    /** The other words of the word's group, or an empty list. */
    public List<String> alternatives(String word) {
        String key = key(word);
        List<String> group = groups.get(key);
        if (group == null) {
            key = katakana(key);
            group = groups.get(key);
        }
        if (group == null) return List.of();
        List<String> others = new ArrayList<>();
        for (String w : group) {
            if (!key(w).equals(key)) others.add(w);
        }
        return others;
    }

    /** Words that search the same are one word: width, case and a middle dot between kanji or kana aside. */
    private static String key(String word) {
        return MiddleDots.withoutJoins(Normalizer.normalize(word, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT));
    }

    /**
     * The word in katakana, for a word the list holds only in katakana (スマホ): typed in hiragana
     * (すまほ) it means the same. The list itself may hold both (ごみ, ゴミ), so this is only a fallback.
     */
    private static String katakana(String key) {
        StringBuilder out = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            out.append(c >= 'ぁ' && c <= 'ゖ' ? (char) (c + ('ァ' - 'ぁ')) : c);
        }
        return out.toString();
    }

    private static IllegalArgumentException error(String file, int line, String message) {
        return new IllegalArgumentException(file + ":" + line + ": " + message);
    }
}
