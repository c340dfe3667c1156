package nendo.analysis;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ja.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Keeps what a reader would call the words of a plan: nouns, and runs of touching nouns joined into
 * compounds (新型コロナウイルス感染症), each part of a run also counted on its own. Particles, verbs, auxiliaries and symbols are dropped; so are nouns that mean nothing alone
 * (こと, ため, これ), bare numbers and single characters (市, 部), which would otherwise top every
 * keyness list. Used for the terms field that distinctive-term statistics are counted from.
 */
final class NounCompoundFilter extends TokenFilter {
    /** Era names alone (令和 from 令和4年度) date a sentence; they say nothing of its subject. */
    private static final java.util.Set<String> ERAS = java.util.Set.of("令和", "平成", "昭和");
    /** Characters no word starts with: small kana and the long-vowel mark (after NFKC). */
    private static final String FRAGMENT_STARTS = "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶー";
    /** A compound longer than this is a run-on (a list of names without punctuation), not a term. */
    private static final int MAX_COMPOUND = 30;
    /** Runs of more nouns than this give only the whole run and its nouns, not every part of it. */
    private static final int MAX_PIECES = 8;

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PartOfSpeechAttribute pos = addAttribute(PartOfSpeechAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);

    private record Piece(String text, int start, int end, boolean standalone, boolean prefix, boolean suffix,
                         boolean number) {}

    private final List<Piece> run = new ArrayList<>();
    private final Deque<Piece> pending = new ArrayDeque<>();
    private boolean exhausted;

    NounCompoundFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        while (pending.isEmpty()) {
            if (exhausted) return false;
            if (!input.incrementToken()) {
                exhausted = true;
                flush();
                continue;
            }
            String partOfSpeech = pos.getPartOfSpeech() == null ? "" : pos.getPartOfSpeech();
            boolean joins = joinsCompound(partOfSpeech) && !isFragment(term);
            boolean touching = !run.isEmpty() && run.get(run.size() - 1).end() == offset.startOffset();
            if (!joins || !touching) flush();
            if (joins) {
                run.add(new Piece(term.toString(), offset.startOffset(), offset.endOffset(),
                        standsAlone(partOfSpeech, term), partOfSpeech.startsWith("接頭詞"),
                        partOfSpeech.startsWith("名詞-接尾"), partOfSpeech.startsWith("名詞-数")));
            }
        }
        Piece next = pending.poll();
        clearAttributes();
        term.setEmpty().append(next.text());
        offset.setOffset(next.start(), next.end());
        increment.setPositionIncrement(1);
        return true;
    }

    /**
     * Every compound within the run (新型コロナウイルス感染症対策 holds 新型コロナウイルス感染症 and
     * 感染症対策), and the nouns that stand alone, so that a term is counted wherever it is written,
     * also inside a longer compound, as a search for it would find it. Emitted by start offset
     * (offsets may not go backwards), longest first.
     */
    private void flush() {
        boolean whole = run.size() <= MAX_PIECES;
        for (int i = 0; i < run.size(); i++) {
            int last = whole ? run.size() - 1 : i;
            for (int j = last; j > i; j--) {
                if (opensCompound(i) && closesCompound(j)) addCompound(i, j);
            }
            if (!whole && i == 0 && opensCompound(0) && closesCompound(run.size() - 1)) {
                addCompound(0, run.size() - 1);
            }
            if (run.get(i).standalone()) pending.add(run.get(i));
        }
        run.clear();
    }

    private void addCompound(int from, int to) {
        StringBuilder compound = new StringBuilder();
        for (int k = from; k <= to; k++) compound.append(run.get(k).text());
        if (compound.length() <= MAX_COMPOUND && hasLetter(compound)) {
            pending.add(new Piece(compound.toString(), run.get(from).start(), run.get(to).end(), true, false, false,
                    false));
        }
    }

    /** A compound does not start with a suffix (…的); a part of a run does not start with a number (4年度 of 令和4年度). */
    private boolean opensCompound(int i) {
        Piece p = run.get(i);
        return !p.suffix() && (i == 0 || !p.number());
    }

    /**
     * Nor end with a prefix (各…) or just before a suffix (感染 of 感染症 is another word); a part of a
     * run does not end with a number (市制施行60).
     */
    private boolean closesCompound(int j) {
        Piece p = run.get(j);
        boolean last = j == run.size() - 1;
        return !p.prefix() && (last || (!run.get(j + 1).suffix() && !p.number()));
    }

    /** Nouns (numbers and suffixes included, 60周年), and prefixes such as 新 or 各 that lead one. */
    private static boolean joinsCompound(String partOfSpeech) {
        if (partOfSpeech.startsWith("接頭詞-名詞接続")) return true;
        return partOfSpeech.startsWith("名詞") && !partOfSpeech.startsWith("名詞-非自立")
                && !partOfSpeech.startsWith("名詞-代名詞");
    }

    /**
     * A "noun" that starts with a small kana or a long-vowel mark is the tail of a word Kuromoji cut
     * in the wrong place (管きょ read as 管 き + ょの): no Japanese word starts that way, and counted
     * as a term it showed up among the distinctive terms as ょの or ょの改築.
     */
    private static boolean isFragment(CharSequence text) {
        return !text.isEmpty() && FRAGMENT_STARTS.indexOf(text.charAt(0)) >= 0;
    }

    /** A noun that is a term by itself: two characters or more, not a number, suffix or adverb-like noun. */
    private static boolean standsAlone(String partOfSpeech, CharSequence text) {
        return partOfSpeech.startsWith("名詞") && text.length() >= 2 && !partOfSpeech.startsWith("名詞-数")
                && !partOfSpeech.startsWith("名詞-接尾") && !partOfSpeech.startsWith("名詞-副詞可能")
                && hasLetter(text) && !ERAS.contains(text.toString());
    }

    private static boolean hasLetter(CharSequence text) {
        return text.codePoints().anyMatch(c -> Character.isLetter(c) && !Character.isDigit(c));
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        run.clear();
        pending.clear();
        exhausted = false;
    }
}
