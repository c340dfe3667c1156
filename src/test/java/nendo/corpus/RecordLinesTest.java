package nendo.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import nendo.model.CorpusProblem;
import nendo.model.MeasureRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading JSON Lines files line by line: a line with bytes that are not UTF-8 is one bad line,
 * named by its own number, and every other line is read with its number.
 */
class RecordLinesTest {
    @TempDir
    Path temp;

    private static byte[] record(long n, String text) {
        return ("{\"id\": \"r" + n + "\", \"year\": 2020, \"department\": \"総務部\", \"text\": \"" + text + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Lines 1..count, each a good record, except {@code bad} whose text holds a 0xFF byte. */
    private Path file(int count, int bad, String separator) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int n = 1; n <= count; n++) {
            byte[] line = record(n, "防災訓練その" + n);
            if (n == bad) {
                line = record(n, "防災X訓練");
                int x = new String(line, StandardCharsets.ISO_8859_1).indexOf('X');
                line[x] = (byte) 0xFF;
            }
            bytes.writeBytes(line);
            bytes.writeBytes(separator.getBytes(StandardCharsets.US_ASCII));
        }
        Path file = temp.resolve("recs.jsonl");
        Files.write(file, bytes.toByteArray());
        return file;
    }

    private record Read(List<MeasureRecord> records, List<CorpusProblem> problems, long lastBytesRead) {}

    private static Read read(Path file) throws Exception {
        RecordFile records = new RecordFile(file, file.getFileName().toString(), Files.size(file), 0);
        List<MeasureRecord> got = new ArrayList<>();
        long[] bytes = {0};
        List<CorpusProblem> problems = new RecordLines(new MeasureRecords(Aliases.NONE), List.of())
                .read(records, (record, bytesRead) -> {
                    got.add(record);
                    bytes[0] = bytesRead;
                });
        return new Read(got, problems, bytes[0]);
    }

    @Test
    void aBadByteSpoilsOnlyItsOwnLine() throws Exception {
        Read read = read(file(10, 5, "\n"));
        assertEquals(List.of("recs.jsonl:5: UTF-8 として読めないバイトがあります。この行は読み込みません (bytes that are not UTF-8)"),
                read.problems().stream().map(CorpusProblem::toString).toList());
        assertEquals(List.of(1L, 2L, 3L, 4L, 6L, 7L, 8L, 9L, 10L), read.records().stream().map(MeasureRecord::line).toList());
        assertEquals("防災訓練その6", read.records().get(4).text());
    }

    @Test
    void aBadByteFarIntoALargeFileIsNamedAtItsLine() throws Exception {
        Path file = file(20_000, 15_000, "\r\n");
        Read read = read(file);
        assertEquals(List.of(new CorpusProblem("recs.jsonl", 15_000,
                "UTF-8 として読めないバイトがあります。この行は読み込みません (bytes that are not UTF-8)")), read.problems());
        assertEquals(LongStream.rangeClosed(1, 20_000).filter(n -> n != 15_000).boxed().toList(),
                read.records().stream().map(MeasureRecord::line).toList());
        assertEquals("防災訓練その20000", read.records().getLast().text(), "CRLF lines read as LF lines");
        assertEquals(Files.size(file), read.lastBytesRead(), "progress reaches the file's size");
    }

    @Test
    void aWrittenReplacementCharacterAByteOrderMarkAndALastLineWithoutNewlineAreRead() throws Exception {
        Path file = temp.resolve("recs.jsonl");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.writeBytes(record(1, "文字化け\uFFFDのまま"));
        bytes.writeBytes("\n\n".getBytes(StandardCharsets.US_ASCII));
        bytes.writeBytes(record(3, "最後の行"));
        Files.write(file, bytes.toByteArray());

        Read read = read(file);
        assertEquals(List.of(), read.problems());
        assertEquals(List.of("1 文字化け\uFFFDのまま", "3 最後の行"),
                read.records().stream().map(r -> r.line() + " " + r.text()).toList());
    }

    @Test
    void aLineLongerThanTheReadBufferIsReadWhole() throws Exception {
        Path file = temp.resolve("recs.jsonl");
        String longText = "防災".repeat(40_000);   // 240,000 bytes, several read buffers
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(record(1, longText));
        bytes.writeBytes(new byte[] {'\n', (byte) 0xC3, '\n'});
        bytes.writeBytes(record(3, "次の行"));
        Files.write(file, bytes.toByteArray());

        Read read = read(file);
        assertEquals(List.of("1 " + longText, "3 次の行"), read.records().stream().map(r -> r.line() + " " + r.text()).toList());
        assertEquals(List.of(2), read.problems().stream().map(CorpusProblem::line).toList());
    }

    @Test
    void fieldsOfTheWrongJsonTypeAreRefusedWithTheirReason() throws Exception {
        List<String> lines = List.of(
                "{\"id\": \"a\", \"year\": 2020.5, \"department\": \"総務部\", \"text\": \"t\"}",
                "{\"id\": \"b\", \"year\": 2020.0, \"department\": \"総務部\", \"text\": \"t\"}",
                "{\"id\": \"c\", \"year\": \"2020\", \"department\": \"総務部\", \"text\": \"t\"}",
                "{\"id\": \"d\", \"year\": 20200000000, \"department\": \"総務部\", \"text\": \"t\"}",
                "{\"id\": \"e\", \"year\": 2020, \"department\": \"総務部\", \"text\": \"t\", \"org\": 123}",
                "{\"id\": 5, \"year\": 2020, \"department\": \"総務部\", \"text\": \"t\"}",
                "{\"id\": \"f\", \"year\": 2020, \"department\": [\"総務部\"], \"text\": \"t\"}",
                "{\"id\": \"g\", \"year\": 2020, \"department\": \"総務部\", \"text\": true}",
                "[1,2,3]",
                "{\"id\": \"h\", \"year\": 2020, \"department\": \"総務部\", \"text\": \"t\"} {}",
                "{\"id\": \"i\", \"year\": 2020, \"department\": \"総務部\", \"text\": \"t\", \"org\": null, \"extra\": {\"n\": 1}}");
        Path file = temp.resolve("recs.jsonl");
        Files.write(file, lines);

        Read read = read(file);
        assertEquals(List.of(
                "recs.jsonl:1: year は西暦の年度を整数で書いてください（例: 2020）: 2020.5",
                "recs.jsonl:2: year は西暦の年度を整数で書いてください（例: 2020）: 2020.0",
                "recs.jsonl:3: year は西暦の年度を整数で書いてください（例: 2020）: \"2020\"",
                "recs.jsonl:4: year は 1947〜2100 の範囲にしてください: 20200000000",
                "recs.jsonl:5: org は文字列（\"…\"）で書いてください: 123",
                "recs.jsonl:6: id は文字列（\"…\"）で書いてください: 5",
                "recs.jsonl:7: department は文字列（\"…\"）で書いてください: […]",
                "recs.jsonl:8: text は文字列（\"…\"）で書いてください: true",
                "recs.jsonl:9: JSON のオブジェクト（{\"id\": …}）ではありません",
                "recs.jsonl:10: JSON のオブジェクトの後ろに余分な文字があります（1 行に 1 件で書いてください）"),
                read.problems().stream().map(CorpusProblem::toString).toList());
        assertEquals(List.of("i recs"), read.records().stream().map(r -> r.id() + " " + r.org()).toList(),
                "a null org is no org: the file's name");
    }

    @Test
    void aTruncatedCharacterAtTheEndOfTheFileIsABadLine() throws Exception {
        Path file = temp.resolve("recs.jsonl");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(record(1, "防災"));
        bytes.writeBytes("\n".getBytes(StandardCharsets.US_ASCII));
        byte[] cut = record(2, "防災");
        bytes.write(cut, 0, cut.length - 4);   // ends inside 災 (its first byte of 3)
        Files.write(file, bytes.toByteArray());

        Read read = read(file);
        assertEquals(List.of(1L), read.records().stream().map(MeasureRecord::line).toList());
        assertEquals(List.of("recs.jsonl:2: UTF-8 として読めないバイトがあります。この行は読み込みません (bytes that are not UTF-8)"),
                read.problems().stream().map(CorpusProblem::toString).toList());
    }
}
