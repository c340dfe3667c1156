package nendo.analysis;

import java.io.Closeable;
import java.io.Reader;
import java.io.StringReader;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.sinks.TeeSinkTokenFilter;
import org.apache.lucene.util.CloseableThreadLocal;

/**
 * The three Kuromoji token streams of one text (words, readings, terms) from one Kuromoji pass:
 * the tokenizer's output is recorded once (a tee) and replayed into the reading and terms chains.
 * Kuromoji was most of indexing's time, once per field. The streams must be consumed in order,
 * words first, as IndexWriter does with a document's fields in the order they were added. Each
 * thread reuses its own tokenizer, as an Analyzer would.
 */
public final class KuromojiStreams implements Closeable {
    /** The streams for one text; valid until the same thread asks for the next. */
    public record Streams(TokenStream words, TokenStream readings, TokenStream terms) {}

    private final CloseableThreadLocal<Chains> perThread = new CloseableThreadLocal<>();
    private final Supplier<Tokenizer> tokenizer;
    private final Function<TokenStream, TokenStream> wordChain;
    private final Function<TokenStream, TokenStream> readingChain;
    private final Function<TokenStream, TokenStream> termChain;
    private final Function<Reader, Reader> charFilters;

    private record Chains(Tokenizer tokenizer, TokenStream words, TokenStream readings, TokenStream terms) {}

    KuromojiStreams(Supplier<Tokenizer> tokenizer, Function<TokenStream, TokenStream> wordChain,
                    Function<TokenStream, TokenStream> readingChain, Function<TokenStream, TokenStream> termChain,
                    Function<Reader, Reader> charFilters) {
        this.tokenizer = tokenizer;
        this.wordChain = wordChain;
        this.readingChain = readingChain;
        this.termChain = termChain;
        this.charFilters = charFilters;
    }

    public Streams of(String text) {
        Chains chains = perThread.get();
        if (chains == null) {
            Tokenizer source = tokenizer.get();
            TeeSinkTokenFilter tee = new TeeSinkTokenFilter(source);
            chains = new Chains(source, wordChain.apply(tee), readingChain.apply(tee.newSinkTokenStream()),
                    termChain.apply(tee.newSinkTokenStream()));
            perThread.set(chains);
        }
        chains.tokenizer().setReader(charFilters.apply(new StringReader(text)));
        return new Streams(chains.words(), chains.readings(), chains.terms());
    }

    @Override
    public void close() {
        perThread.close();
    }
}
