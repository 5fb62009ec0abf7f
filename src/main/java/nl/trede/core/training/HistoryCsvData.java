package nl.trede.core.training;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * and, optionally, {@value #KNOWN_PROPENSITY} or {@value #ASSIGNMENT_PROBABILITY} (the export's
 * name), the known probability of what was given where the assignment was randomised, empty
 * otherwise; and {@value #ADVISED}, the top recommendation shown (the export writes it).
 *
 * <p>{@link #readHistory} also reads, apart from the records, each row's {@value #CLIENT_ID},
 * {@value #DECIDED_ON} and protected attributes ({@value #GENDER}, {@value #MIGRATION_BACKGROUND})
 * where the file has them, for the evaluation to group by: they never enter a {@link TrainingRecord}.
 * Every other column (a simulator's true probabilities, notes) is ignored: it never reaches a learner.
 */
public final class HistoryCsvData {

    public static final String INTERVENTION = "intervention";
    public static final String WORKED_12 = "worked12";
    public static final String WORKED_24 = "worked24";
    public static final String KNOWN_PROPENSITY = "knownPropensity";
    public static final String ASSIGNMENT_PROBABILITY = "assignmentProbability";
    public static final String ADVISED = "advisedIntervention";
    public static final String CLIENT_ID = "clientId";
    public static final String DECIDED_ON = "decidedOn";
    public static final String GENDER = "gender";
    public static final String MIGRATION_BACKGROUND = "migrationBackground";
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

    /** @throws InvalidCsv naming the line and column of the first cell that cannot be read */
    public static TrainingData read(Reader in, String description) throws IOException {
        return readHistory(in, description).data();
    }

    /**
     * What a row says besides the record, for evaluation only: who and when, and the protected
     * attributes as the file records them (empty where it has no such column or the cell is empty).
     */
    public record RowContext(Optional<String> clientId, Optional<LocalDate> decidedOn, Optional<String> gender,
                             Optional<String> migrationBackground) {
    }

    /** The records, and each one's {@link RowContext} in the same order. */
    public record History(TrainingData data, List<RowContext> context) {
    }

    /** @throws InvalidCsv naming the line and column of the first cell that cannot be read */
    public static History readHistory(Reader in, String description) throws IOException {
        Rows rows = new Rows(new BufferedReader(in));
        List<String> header = rows.next();
        if (header == null) {
            throw new InvalidCsv(1, null, "the history CSV is empty: it needs a header row");
        }
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            column.put(header.get(i), i);
        }
        List<String> required = new ArrayList<>(Arrays.stream(ProfileField.values()).map(ProfileField::fieldName).toList());
        required.addAll(List.of(INTERVENTION, WORKED_12, WORKED_24));
        List<String> absent = required.stream().filter(c -> !column.containsKey(c)).toList();
        if (!absent.isEmpty()) {
            throw new InvalidCsv(1, absent.get(0), "the history CSV lacks the columns " + absent);
        }
        List<TrainingRecord> records = new ArrayList<>();
        List<RowContext> context = new ArrayList<>();
        for (List<String> row = rows.next(); row != null; row = rows.next()) {
            int lineNumber = rows.startLine;
            if (row.size() == 1 && row.get(0).isEmpty()) {
                continue;
            }
            if (row.size() != header.size()) {
                throw new InvalidCsv(lineNumber, null, "line " + lineNumber + " has " + row.size() + " cells, the header "
                        + header.size());
            }
            records.add(record(row, column, lineNumber));
            context.add(context(row, column, lineNumber));
        }
        return new History(TrainingData.of(description + ", " + records.size() + " records", records), context);
    }

    private static RowContext context(List<String> row, Map<String, Integer> column, int line) {
        Optional<String> decidedOn = cell(row, column, DECIDED_ON);
        try {
            return new RowContext(cell(row, column, CLIENT_ID), decidedOn.map(LocalDate::parse), cell(row, column, GENDER),
                    cell(row, column, MIGRATION_BACKGROUND));
        } catch (DateTimeParseException e) {
            throw new InvalidCsv(line, DECIDED_ON, "line " + line + ", column '" + DECIDED_ON + "': cannot read '"
                    + decidedOn.orElseThrow() + "' as a date (yyyy-mm-dd)");
        }
    }

    /** The cell of an optional column; empty when the file has no such column or the cell is empty. */
    private static Optional<String> cell(List<String> row, Map<String, Integer> column, String name) {
        Integer index = column.get(name);
        return index == null ? Optional.empty() : Optional.of(row.get(index)).filter(c -> !c.isEmpty());
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
            throw new InvalidCsv(line, INTERVENTION, "line " + line + ": '" + INTERVENTION + "' is empty; write "
                    + Intervention.NONE + " where nothing was given");
        }
        List<String> codes = given.equals(Intervention.NONE) ? List.of() : List.of(given.split("\\" + COMBINED));
        String propensityName = column.containsKey(ASSIGNMENT_PROBABILITY) ? ASSIGNMENT_PROBABILITY : KNOWN_PROPENSITY;
        Optional<String> propensity = cell(row, column, propensityName);
        try {
            return new TrainingRecord(profile, codes, outcome(row.get(column.get(WORKED_12)), WORKED_12, line),
                    outcome(row.get(column.get(WORKED_24)), WORKED_24, line),
                    propensity.map(p -> OptionalDouble.of(probability(p, propensityName, line))).orElse(OptionalDouble.empty()),
                    cell(row, column, ADVISED));
        } catch (InvalidCsv e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new InvalidCsv(line, null, "line " + line + ": " + e.getMessage());
        }
    }

    private static double probability(String cell, String name, int line) {
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new InvalidCsv(line, name, "line " + line + ", column '" + name + "': cannot read '" + cell + "' as a number");
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
            throw new InvalidCsv(line, field.fieldName(), "line " + line + ", column '" + field.fieldName() + "': cannot read '"
                    + cell + "' as " + type.getSimpleName());
        }
    }

    private static Outcome outcome(String cell, String name, int line) {
        return switch (cell) {
            case "1" -> Outcome.WORKED;
            case "0" -> Outcome.NOT_WORKED;
            case "" -> Outcome.UNKNOWN;
            default -> throw new InvalidCsv(line, name, "column '" + name + "' is 1, 0 or empty (not known yet), not '"
                    + cell + "' (line " + line + ")");
        };
    }

    /** A history CSV that cannot be read: the line (1 is the header) and, where one cell is to blame, its column. */
    public static final class InvalidCsv extends IllegalArgumentException {
        private final int line;
        private final String column;

        InvalidCsv(int line, String column, String message) {
            super(message);
            this.line = line;
            this.column = column;
        }

        public int line() {
            return line;
        }

        public Optional<String> column() {
            return Optional.ofNullable(column);
        }
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
                        throw new InvalidCsv(startLine, null, "line " + startLine + ": a quoted cell is never closed");
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
                            throw new InvalidCsv(line, null, "line " + line + ": text after a closing quote");
                        }
                    } else {
                        cell.append(c);
                    }
                } else if (c == '"' && cell.isEmpty()) {
                    quoted = true;
                } else if (c == '"') {
                    throw new InvalidCsv(line, null, "line " + line + ": a quote inside an unquoted cell");
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
