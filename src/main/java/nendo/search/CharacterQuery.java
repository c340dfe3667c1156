package nendo.search;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.AutomatonQuery;
import org.apache.lucene.util.automaton.Automata;
import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.Operations;

/**
 * One CJK character anywhere in the bigram field: the character alone (at a run's edge) or the first
 * half of a bigram (inside a run). Not a prefix query: the trigrams stacked on the bigrams begin with
 * the same character and would double the postings read for the same entries.
 */
final class CharacterQuery extends AutomatonQuery {
    private final String character;

    CharacterQuery(Term term) {
        super(term, aloneOrFirstOfTwo(term.text()));
        this.character = term.text();
    }

    /** The character searched for. */
    String character() {
        return character;
    }

    private static Automaton aloneOrFirstOfTwo(String character) {
        Automaton a = Operations.concatenate(Automata.makeString(character), Operations.optional(Automata.makeAnyChar()));
        return Operations.determinize(a, Operations.DEFAULT_DETERMINIZE_WORK_LIMIT);
    }
}
