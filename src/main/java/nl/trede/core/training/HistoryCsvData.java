package nl.trede.core.training;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import nl.trede.core.catalogue.Intervention;
import nl.trede.core.profile.IntakeProfile;
import nl.trede.core.profile.ProfileField;

/**
 * Training data from a history CSV: as {@code simulate-history} writes it, as the service's
 * training-data export writes it ({@code GET /training-data}, {@code export-training-data}), or as a
 * municipality extracts it: a header row, then one row per decision, comma-separated, cells quoted
 * as RFC 4180 has it where they hold a comma, a quote or a line break.
 *
 * <p>Columns read: every intake field under its API name (empty = missing; an empty
 * {@code monthsSinceLastJob} means never worked); {@value #INTERVENTION}, the catalogue code given,
 * {@code NONE} for nothing, several codes joined by {@code +}; {@value #WORKED_12} and
 * {@value #WORKED_24}, {@code 1} or {@code 0}, empty while the horizon has not passed (censored);
 * and, optionally, {@value #KNOWN_PROPENSITY}, the known probability of what was given where the
 * assignment was randomised, empty otherwise. Every other column (ids, protected attributes, a
 * simulator's true probabilities) is ignored: it never reaches a learner.
 */
public final class HistoryCsvData {

    public static final String INTERVENTION = "intervention";
    public static final String WORKED_12 = "worked12";
    public static final String WORKED_24 = "worked24";
    public static final String KNOWN_PROPENSITY = "knownPropensity";
    /** Joins the codes of a decision that gave several interventions. */
    public static final String COMBINED = "+";

    private static final RecordComponent[] FIELDS = IntakeProfile.class.getRecordComponents();

    private HistoryCsvData() {
    }

    public static TrainingData read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, "history CSV " + file.getFileName());
        }
    }

    /** @throws IllegalArgumentException naming the line and column of the first cell that cannot be read */
    public static TrainingData read(Reader in, String description) throws IOException {
        Rows rows = new Rows(new BufferedReader(in));
        List<String> header = rows.next();
        if (header == null) {
            throw new IllegalArgumentException("the history CSV is empty: it needs a header row");
        }
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            column.put(header.get(i), i);
        }
        List<String> required = new ArrayList<>(Arrays.stream(ProfileField.values()).map(ProfileField::fieldName).toList());
        required.addAll(List.of(INTERVENTION, WORKED_12, WORKED_24));
        List<String> absent = required.stream().filter(c -> !column.containsKey(c)).toList();
        if (!absent.isEmpty()) {
            throw new IllegalArgumentException("the history CSV lacks the columns " + absent);
        }
        List<TrainingRecord> records = new ArrayList<>();
        for (List<String> row = rows.next(); row != null; row = rows.next()) {
            int lineNumber = rows.startLine;
            if (row.size() == 1 && row.get(0).isEmpty()) {
                continue;
            }
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("line " + lineNumber + " has " + row.size() + " cells, the header "
                        + header.size());
            }
            records.add(record(row, column, lineNumber));
        }
        return TrainingData.of(description + ", " + records.size() + " records", records);
    }

    private static TrainingRecord record(List<String> row, Map<String, Integer> column, int line) {
        Object[] values = new Object[FIELDS.length];
        for (ProfileField field : ProfileField.values()) {
            String cell = row.get(column.get(field.fieldName()));
            values[field.ordinal()] = cell.isEmpty() ? null : value(cell, FIELDS[field.ordinal()].getType(), field, line);
        }
        IntakeProfile profile;
        try {
            profile = IntakeProfile.class.getDeclaredConstructor(Arrays.stream(FIELDS).map(RecordComponent::getType)
                    .toArray(Class[]::new)).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct an intake profile", e);
        }
        String given = row.get(column.get(INTERVENTION));
        if (given.isEmpty()) {
            throw new IllegalArgumentException("line " + line + ": '" + INTERVENTION + "' is empty; write "
                    + Intervention.NONE + " where nothing was given");
        }
        List<String> codes = given.equals(Intervention.NONE) ? List.of() : List.of(given.split("\\" + COMBINED));
        Integer propensityColumn = column.get(KNOWN_PROPENSITY);
        String propensity = propensityColumn == null ? "" : row.get(propensityColumn);
        try {
            return new TrainingRecord(profile, codes, outcome(row.get(column.get(WORKED_12)), WORKED_12, line),
                    outcome(row.get(column.get(WORKED_24)), WORKED_24, line),
                    propensity.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(propensity)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("line " + line + ": " + e.getMessage(), e);
        }
    }

    private static Object value(String cell, Class<?> type, ProfileField field, int line) {
        try {
            if (type == Integer.class) {
                return Integer.valueOf(cell);
            }
            if (type == Double.class) {
                return Double.valueOf(cell);
            }
            if (type == Boolean.class) {
                if (!cell.equals("true") && !cell.equals("false")) {
                    throw new IllegalArgumentException("not true or false");
                }
                return Boolean.valueOf(cell);
            }
            return Enum.valueOf(type.asSubclass(Enum.class), cell);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("line " + line + ", column '" + field.fieldName() + "': cannot read '"
                    + cell + "' as " + type.getSimpleName(), e);
        }
    }

    private static Outcome outcome(String cell, String name, int line) {
        return switch (cell) {
            case "1" -> Outcome.WORKED;
            case "0" -> Outcome.NOT_WORKED;
            case "" -> Outcome.UNKNOWN;
            default -> throw new IllegalArgumentException("column '" + name + "' is 1, 0 or empty (not known yet), not '"
                    + cell + "' (line " + line + ")");
        };
    }

    /** Reads one row at a time; a quoted cell may hold commas, doubled quotes and line breaks. */
    private static final class Rows {
        private final BufferedReader in;
        private int line;
        /** The line the row last returned began on, for messages. */
        int startLine;

        Rows(BufferedReader in) {
            this.in = in;
        }

        List<String> next() throws IOException {
            String text = in.readLine();
            if (text == null) {
                return null;
            }
            startLine = ++line;
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; ; i++) {
                if (i == text.length()) {
                    if (!quoted) {
                        break;
                    }
                    text = in.readLine();
                    line++;
                    if (text == null) {
                        throw new IllegalArgumentException("line " + startLine + ": a quoted cell is never closed");
                    }
                    cell.append('\n');
                    i = -1;
                    continue;
                }
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                        if (i + 1 < text.length() && text.charAt(i + 1) != ',') {
                            throw new IllegalArgumentException("line " + line + ": text after a closing quote");
                        }
                    } else {
                        cell.append(c);
                    }
                } else if (c == '"' && cell.isEmpty()) {
                    quoted = true;
                } else if (c == '"') {
                    throw new IllegalArgumentException("line " + line + ": a quote inside an unquoted cell");
                } else if (c == ',') {
                    cells.add(cell.toString());
                    cell.setLength(0);
                } else {
                    cell.append(c);
                }
            }
            cells.add(cell.toString());
            return cells;
        }
    }
}
