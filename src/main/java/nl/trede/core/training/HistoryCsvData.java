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
 * Training data from a history CSV, as {@code simulate-history} writes it or a municipality
 * extracts it: a header row, then one row per decision, comma-separated, without quoting.
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
        BufferedReader lines = new BufferedReader(in);
        String headerLine = lines.readLine();
        if (headerLine == null) {
            throw new IllegalArgumentException("the history CSV is empty: it needs a header row");
        }
        List<String> header = cells(headerLine, 1);
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
        int lineNumber = 1;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            lineNumber++;
            if (line.isEmpty()) {
                continue;
            }
            List<String> row = cells(line, lineNumber);
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

    private static List<String> cells(String line, int lineNumber) {
        if (line.indexOf('"') >= 0) {
            throw new IllegalArgumentException("line " + lineNumber + " is quoted; a history CSV has no quoting");
        }
        return List.of(line.split(",", -1));
    }
}
