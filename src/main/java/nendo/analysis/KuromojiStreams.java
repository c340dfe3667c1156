package nendo.analysis;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.util.CloseableThreadLocal;

/**
 * The three Kuromoji token streams of one text (words, readings, terms) from one Kuromoji pass:
 * the tokens are found once ({@link KuromojiTokens}, clause by clause, repeated clauses from a
 * {@link ClauseMemo}) and replayed into each chain. Kuromoji was most of indexing's time, once per
 * field. Each thread reuses its own chains, as an Analyzer would.
 */
public final class KuromojiStreams implements Closeable {
    /** The streams for one text; valid until the same thread asks for the next. */
    public record Streams(TokenStream words, TokenStream readings, TokenStream terms) {}

    private final CloseableThreadLocal<Chains> perThread = new CloseableThreadLocal<>();
    private final ClauseMemo memo = ClauseMemo.forBuild();
    private final Supplier<Tokenizer> tokenizer;
    private final Function<TokenStream, TokenStream> wordChain;
    private final Function<TokenStream, TokenStream> readingChain;
    private final Function<TokenStream, TokenStream> termChain;
    private final Function<Reader, Reader> charFilters;

    private record Chains(KuromojiTokens tokens, Tokenizer[] sources, Streams streams) {}

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
            KuromojiTokens tokens = new KuromojiTokens(tokenizer.get(), memo);
            Tokenizer[] sources = {tokens.replay(false), tokens.replay(false), tokens.replay(false)};
            chains = new Chains(tokens, sources, new Streams(wordChain.apply(sources[0]),
                    readingChain.apply(sources[1]), termChain.apply(sources[2])));
            perThread.set(chains);
        }
        try {
            chains.tokens().analyse(charFilters.apply(new StringReader(text)));
        } catch (IOException e) {
            throw new UncheckedIOException("reading a text from memory failed", e);
        }
        // The replays read the tokens found above; a Tokenizer still wants a reader of its own.
        for (Tokenizer source : chains.sources()) source.setReader(Reader.nullReader());
        return chains.streams();
    }

    /**
     * Ends a build: the memo's clauses are of no use to the searches that follow.
     *
     * @return the share of clauses that came from the memo during the build
     */
    public double endBuild() {
        double repeated = memo.hitRate();
        memo.clear();
        return repeated;
    }

    @Override
    public void close() {
        perThread.close();
        memo.clear();
    }
}
