package nendo.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nendo.model.CorpusProblem;
import nendo.model.MeasureRecord;

/**
 * Reads JSON Lines record files line by line, in order, never whole: each good record goes to a
 * {@link Sink}, each bad line becomes a problem naming the file and line. Indexing and the
 * {@code check} command both read through it, so {@code check} reports exactly the lines an index
 * build leaves out. Ids are checked across every file read by one instance, so a duplicate is
 * always reported at its later line, naming the earlier one.
 */
public final class RecordLines {
    /** Problems listed per file; the rest are counted in one last line, so the commit data stays small. */
    private static final int MAX_PROBLEMS_PER_FILE = 100;

    /** Receives the good records. */
    public interface Sink {
        /**
         * @param bytesRead bytes of the file read so far, for progress
         */
        void accept(MeasureRecord record, long bytesRead) throws IOException, InterruptedException;
    }

    /** Ends the message of a refused duplicate id, the one problem that depends on other lines. */
    private static final String DUPLICATE = "使われています（重複は読み込みません）";
    private static final String ID_START = "id '";
    /** Starts the line that counts the problems not listed, whose kinds are not known. */
    private static final String UNLISTED = "ほかに ";

    /** Bits of a {@link #seen} value that hold the line; the bits above hold the file's number. */
    private static final int LINE_BITS = 40;

    private final MeasureRecords parser;
    /**
     * Each id seen and where: the file's number in {@link #files} (from 1) above {@link #LINE_BITS},
     * its line below; 0 for the ids taken before the first file (plan documents' entries). Compact,
     * since every id of the corpus is held at once.
     */
    private final SeenIds seen = new SeenIds();
    /** The files ids were seen in, by number - 1. */
    private final List<String> files = new ArrayList<>();
    private final Map<String, Integer> fileNumbers = new HashMap<>();

    public RecordLines(MeasureRecords parser, Collection<String> takenIds) {
        this.parser = parser;
        takenIds.forEach(id -> seen.put(id, 0L));
    }

    /** Each file's place in corpus order, when files are read out of it (an update in place). */
    private Map<String, Integer> corpusOrder = Map.of();

    /**
     * Takes an id of a record already indexed from a file that is not read (an update in place keeps
     * that file), so that a record read with the same id is refused as a full build would refuse it.
     */
    public void taken(String id, String file, long line) {
        seen.put(id, where(file, line));
    }

    /**
     * Says where each file comes in corpus order, for files {@link #taken} from: a record read whose
     * id such a file holds at a later place is a {@link LaterFileHoldsId}.
     */
    public void inCorpusOrder(List<String> files) {
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < files.size(); i++) order.put(files.get(i), i);
        corpusOrder = order;
    }

    /**
     * A record read now has an id that a file later in corpus order holds: a full build reads the
     * record first and refuses the other, which an update that keeps the other file cannot do.
     */
    public static final class LaterFileHoldsId extends IOException {
        LaterFileHoldsId(String id, String file, String later) {
            super("id '" + id + "' of " + file + " is held by " + later + ", which comes later");
        }
    }

    private long where(String file, long line) {
        return where(number(file), line);
    }

    private int number(String file) {
        return fileNumbers.computeIfAbsent(file, f -> {
            files.add(f);
            return files.size();
        });
    }

    private static long where(int number, long line) {
        return ((long) number << LINE_BITS) | Math.min(line, (1L << LINE_BITS) - 1);
    }

    private String fileOf(long where) {
        return files.get((int) (where >>> LINE_BITS) - 1);
    }

    private boolean comesLater(long where, String reading) {
        Integer held = corpusOrder.get(fileOf(where));
        Integer read = corpusOrder.get(reading);
        return held != null && read != null && held > read;
    }

    /** How a duplicate names the earlier use of its id, from the file being read. */
    private String earlierUse(long where, String reading) {
        if (where == 0) return "文書の事業で";
        String file = fileOf(where);
        long line = where & ((1L << LINE_BITS) - 1);
        return file.equals(reading) ? " " + line + " 行目で" : " " + file + " の " + line + " 行目で";
    }

    /**
     * Whether a problem this class reported is a refused duplicate id, which reads differently once
     * the earlier use is gone.
     */
    public static boolean isDuplicate(CorpusProblem problem) {
        return problem.message().endsWith(DUPLICATE);
    }

    /** The id a refused duplicate repeats (ids hold no white space, so the quote before " は" ends it). */
    public static java.util.Optional<String> duplicateId(CorpusProblem problem) {
        String message = problem.message();
        int end = message.indexOf("' は", ID_START.length());
        if (!isDuplicate(problem) || !message.startsWith(ID_START) || end < 0) return java.util.Optional.empty();
        return java.util.Optional.of(message.substring(ID_START.length(), end));
    }

    /** Whether a problem is the count of problems not listed, whose kinds are not known. */
    public static boolean isUnlisted(CorpusProblem problem) {
        return problem.message().startsWith(UNLISTED);
    }

    /**
     * Reads one file to its end; returns its problems. A line whose bytes are not UTF-8 is one bad
     * line, like a line of bad JSON: the lines after it are read and keep their numbers, which the
     * index stores (an update in place finds a kept file's records by them).
     */
    public List<CorpusProblem> read(RecordFile file, Sink sink) throws IOException, InterruptedException {
        FileReading reading = new FileReading(file);
        try (Utf8Lines lines = new Utf8Lines(Files.newInputStream(file.path()))) {
            while (lines.next()) {
                MeasureRecord record = reading.next(lines.number(), lines.text());
                if (record != null) sink.accept(record, lines.bytesRead());
            }
        }
        return reading.problems();
    }

    /** The line-by-line state of one file: line numbers and problems found. */
    private final class FileReading {
        private final RecordFile file;
        /** The file's number in {@link #files}, looked up once rather than per line. */
        private final int fileNumber;
        private final String defaultOrg;
        private final List<CorpusProblem> problems = new ArrayList<>();
        private long unlisted;

        FileReading(RecordFile file) {
            this.file = file;
            this.fileNumber = number(file.relative());
            this.defaultOrg = MeasureRecords.defaultOrg(file);
        }

        /**
         * The record on a line, or null for a blank or bad line.
         *
         * @param line the line's text, null if its bytes are not UTF-8
         */
        MeasureRecord next(long lineNumber, String line) throws LaterFileHoldsId {
            if (line == null) {
                problem(lineNumber, "UTF-8 として読めないバイトがあります。この行は読み込みません (bytes that are not UTF-8)");
                return null;
            }
            if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') line = line.substring(1);
            if (line.isBlank()) return null;
            try {
                MeasureRecord record = parser.parse(file, defaultOrg, lineNumber, line);
                long earlier = seen.putIfAbsent(record.id(), where(fileNumber, lineNumber));
                if (earlier > 0 && comesLater(earlier, file.relative())) {
                    throw new LaterFileHoldsId(record.id(), file.relative(), fileOf(earlier));
                }
                if (earlier >= 0) {
                    problem(lineNumber, ID_START + record.id() + "' は" + earlierUse(earlier, file.relative()) + DUPLICATE);
                    return null;
                }
                return record;
            } catch (CorpusException e) {
                problem(lineNumber, e.problem().message());
                return null;
            }
        }

        void problem(long line, String message) {
            if (problems.size() < MAX_PROBLEMS_PER_FILE) {
                problems.add(new CorpusProblem(file.relative(), (int) Math.min(line, Integer.MAX_VALUE), message));
            } else {
                unlisted++;
            }
        }

        List<CorpusProblem> problems() {
            if (unlisted == 0) return problems;
            List<CorpusProblem> all = new ArrayList<>(problems);
            all.add(new CorpusProblem(file.relative(), 0, UNLISTED + unlisted + " 行が読み込めませんでした"));
            return Collections.unmodifiableList(all);
        }
    }
}
