package nl.trede.trainingdata;

import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import nl.trede.core.profile.ProfileField;
import nl.trede.core.recommend.ShownAdvice;

/** How the rows are written: CSV for spreadsheets and {@code estimate-effects}, JSON lines for the full structure. */
public enum TrainingDataFormat {

    /**
     * One flat row per decision. The profile under the API's field names, then {@code intervention},
     * {@code worked12} and {@code worked24} (1, 0 or empty) as in the simulated history CSV, so the
     * same tools read both; the advice as {@code advisedRanking} (codes in rank order, space
     * separated) and {@code advisedEffects} ({@code CODE=pp}, empty after {@code =} without
     * comparable history), and {@code assignmentProbability}: the probability of what was given where
     * the decision followed a recorded draw (among tied options, or for an allocation run's last places), empty otherwise.
     */
    CSV("text/csv", "csv") {
        @Override
        void writeHeader(Writer out) throws IOException {
            List<String> columns = new ArrayList<>(List.of("decisionId", "clientId", "intakeId", "municipalityCode", "decidedOn"));
            for (ProfileField field : ProfileField.values()) {
                columns.add(field.fieldName());
            }
            columns.addAll(List.of("intervention", "worked12", "label12", "worked24", "label24", "scoreProbability",
                    "scoreCategory", "adjustedCategory", "override", "reasonCode", "note", "adviceHorizonMonths",
                    "advisedIntervention", "advisedRanking", "advisedEffects", "distanceModelVersion", "effectModelVersion",
                    "catalogueVersion", "assignmentProbability"));
            line(out, columns);
        }

        @Override
        void writeRow(Writer out, TrainingRow row, ObjectWriter json) throws IOException {
            List<Object> cells = new ArrayList<>(List.of(row.decisionId(), row.clientId(), row.intakeId(),
                    row.municipalityCode(), row.decidedOn()));
            for (ProfileField field : ProfileField.values()) {
                cells.add(field.valueOf(row.profile()));
            }
            ShownAdvice advice = row.advice();
            cells.addAll(List.of(row.intervention(), zeroOne(row.worked12()), row.worked12().status(),
                    zeroOne(row.worked24()), row.worked24().status(), row.scoreProbability(), row.scoreCategory()));
            cells.add(row.adjustedCategory());
            cells.add(row.override());
            cells.add(row.reasonCode());
            cells.add(row.note());
            cells.addAll(List.of(advice.horizonMonths(), advice.top().code(),
                    advice.ranked().stream().map(ShownAdvice.Option::code).collect(Collectors.joining(" ")),
                    advice.ranked().stream().map(o -> o.code() + "=" + (o.effect() == null ? "" : o.effect().pointEstimate()))
                            .collect(Collectors.joining(" ")),
                    advice.versions().distanceModel(), advice.versions().effectModel(), advice.versions().catalogue()));
            cells.add(row.assignmentProbability());
            line(out, cells.stream().map(c -> c == null ? "" : c.toString()).toList());
        }
    },

    /** One JSON object per line: the row with the profile, the shown advice and the labels as nested objects. */
    JSON_LINES("application/x-ndjson", "jsonl") {
        @Override
        void writeHeader(Writer out) {
        }

        @Override
        void writeRow(Writer out, TrainingRow row, ObjectWriter json) throws IOException {
            out.write(json.writeValueAsString(row));
            out.write('\n');
        }
    };

    public final String mediaType;
    public final String fileExtension;

    TrainingDataFormat(String mediaType, String fileExtension) {
        this.mediaType = mediaType;
        this.fileExtension = fileExtension;
    }

    abstract void writeHeader(Writer out) throws IOException;

    abstract void writeRow(Writer out, TrainingRow row, ObjectWriter json) throws IOException;

    /** The format named on the command line: {@code csv} or {@code jsonl}. */
    public static TrainingDataFormat named(String name) {
        for (TrainingDataFormat format : values()) {
            if (format.fileExtension.equals(name)) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown format '" + name + "': csv or jsonl");
    }

    private static String zeroOne(PaidWorkLabel label) {
        return label.worked() == null ? "" : label.worked() ? "1" : "0";
    }

    /** RFC 4180: a cell with a comma, quote or line break is quoted, its quotes doubled. */
    private static void line(Writer out, List<String> cells) throws IOException {
        out.write(cells.stream().map(TrainingDataFormat::cell).collect(Collectors.joining(",")));
        out.write("\r\n");
    }

    private static String cell(String value) {
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
