package nendo.web;

import java.util.ArrayList;
import java.util.List;

/**
 * A table to download as CSV: a header row in Japanese (what a person opening the file reads), each
 * column also carrying the English field name documented in the README (what a script refers to).
 * Written as UTF-8 with a byte-order mark, which Excel needs to read Japanese, and CRLF line ends
 * (RFC 4180).
 */
record CsvTable(List<Column> columns, List<List<Object>> rows) {
    /** A column: Japanese header and documented English field name. */
    record Column(String header, String field) {}

    static final String BOM = "\uFEFF";

    CsvTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** Builds a table column by column, then row by row. */
    static final class Builder {
        private final List<Column> columns = new ArrayList<>();
        private final List<List<Object>> rows = new ArrayList<>();

        Builder column(String header, String field) {
            columns.add(new Column(header, field));
            return this;
        }

        Builder row(Object... values) {
            if (values.length != columns.size()) {
                throw new IllegalArgumentException(values.length + " values for " + columns.size() + " columns");
            }
            rows.add(java.util.Arrays.asList(values));
            return this;
        }

        CsvTable build() {
            return new CsvTable(columns, rows);
        }
    }

    String write() {
        StringBuilder out = new StringBuilder(BOM);
        line(out, columns.stream().map(c -> (Object) c.header()).toList());
        for (List<Object> row : rows) line(out, row);
        return out.toString();
    }

    private static void line(StringBuilder out, List<Object> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) out.append(',');
            out.append(cell(values.get(i)));
        }
        out.append("\r\n");
    }

    /**
     * A cell, quoted when it holds a separator, quote or line break. Text starting with = + - @ (or a
     * tab or carriage return) would run as a formula in a spreadsheet, so it gets a leading
     * apostrophe; numbers are written as numbers.
     */
    static String cell(Object value) {
        if (value == null) return "";
        if (value instanceof Number || value instanceof Boolean) return value.toString();
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) text = "'" + text;
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
