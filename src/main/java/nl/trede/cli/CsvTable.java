package nl.trede.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An RFC 4180 CSV file held in memory: a header and data rows of strings. Quoted fields may hold
 * commas, doubled quotes and line breaks; CRLF and LF line ends and a UTF-8 byte order mark are
 * accepted; wholly blank lines are skipped. Rows are numbered from 1 after the header ("data
 * row"), and each remembers the file line it starts on, so messages can name both.
 */
final class CsvTable {

    private final List<String> header;
    private final List<String[]> rows;
    private final List<Integer> lines;

    private CsvTable(List<String> header, List<String[]> rows, List<Integer> lines) {
        this.header = header;
        this.rows = rows;
        this.lines = lines;
    }

    List<String> header() {
        return header;
    }

    int size() {
        return rows.size();
    }

    /** The cell of a data row (0-based index) and column. */
    String cell(int row, int column) {
        return rows.get(row)[column];
    }

    /** "data row 4 (line 5)" for the 0-based row index. */
    String where(int row) {
        return "data row " + (row + 1) + " (line " + lines.get(row) + ")";
    }

    int column(String name) {
        return header.indexOf(name);
    }

    static CsvTable read(Reader source) throws IOException, CommandException {
        BufferedReader in = new BufferedReader(source);
        List<List<String>> records = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        boolean quoted = false;
        boolean afterQuote = false;
        boolean fieldStarted = false;
        int quoteLine = 0;
        int c = in.read();
        if (c == '\uFEFF') {
            c = in.read();
        }
        while (c != -1) {
            int next = in.read();
            if (quoted) {
                if (c == '"') {
                    if (next == '"') {
                        field.append('"');
                        next = in.read();
                    } else {
                        quoted = false;
                        afterQuote = true;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
                fieldStarted = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && next == '\n') {
                    next = in.read();
                }
                endRecord(records, starts, fields, field, fieldStarted, recordLine);
                fieldStarted = false;
                afterQuote = false;
                line++;
                recordLine = line;
            } else if (afterQuote) {
                throw new CommandException("line " + line + ": unexpected character '" + (char) c
                        + "' after a closing quote (a quote inside a quoted field must be doubled)");
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
                fieldStarted = true;
                quoteLine = line;
            } else {
                field.append((char) c);
                fieldStarted = true;
            }
            c = next;
        }
        if (quoted) {
            throw new CommandException("line " + quoteLine + ": a quoted field opened here is never closed");
        }
        endRecord(records, starts, fields, field, fieldStarted, recordLine);
        if (records.isEmpty()) {
            throw new CommandException("the file is empty: expected a header line and data rows");
        }
        List<String> header = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String name : records.get(0)) {
            String trimmed = name.trim();
            if (trimmed.isEmpty()) {
                throw new CommandException("line " + starts.get(0) + ": header column " + (header.size() + 1) + " has no name");
            }
            if (!seen.add(trimmed)) {
                throw new CommandException("line " + starts.get(0) + ": column '" + trimmed + "' appears twice in the header");
            }
            header.add(trimmed);
        }
        List<String[]> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> record = records.get(r);
            if (record.size() != header.size()) {
                throw new CommandException("data row " + r + " (line " + starts.get(r) + ") has " + record.size()
                        + " fields but the header has " + header.size());
            }
            rows.add(record.toArray(String[]::new));
            lines.add(starts.get(r));
        }
        if (rows.isEmpty()) {
            throw new CommandException("the file has a header but no data rows");
        }
        return new CsvTable(header, rows, lines);
    }

    private static void endRecord(List<List<String>> records, List<Integer> starts, List<String> fields,
                                  StringBuilder field, boolean fieldStarted, int recordLine) {
        if (fieldStarted || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(new ArrayList<>(fields));
            starts.add(recordLine);
        }
        fields.clear();
        field.setLength(0);
    }
}
