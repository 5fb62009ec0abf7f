package nl.trede.scoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.Set;
import nl.trede.api.Problem;
import nl.trede.api.ProblemCode;
import nl.trede.api.ProblemMappers;
import nl.trede.core.distance.DistanceModel;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Scores a caseload given as JSON lines (one profile object a line, as {@code POST /scores} takes
 * it) into JSON lines, one answer for every non-blank input line and in its order: {@code
 * {"line":n,"score":{…}}}, or {@code {"line":n,"problem":{…}}} with the problem that {@code POST
 * /scores} would have answered for that line. A bad line never stops the batch. Streams: one line
 * is held at a time, so memory does not grow with the input.
 */
public final class ScoreBatch {

    /** A line no profile comes near (a profile is a few hundred characters); a longer one is answered with a problem. */
    static final int MAX_LINE_CHARACTERS = 1 << 16;

    /** Answers are flushed every this many lines, so that a consumer sees them arrive. */
    private static final int FLUSH_EVERY = 1_000;

    private final ObjectReader profiles;
    private final ObjectWriter answers;
    private final Validator validator;

    /** What a batch did: lines answered with a score and with a problem. */
    public record Counts(long scored, long refused) {
    }

    /** One answer line: the input line's number and its score, or the problem that kept it from one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ScoreBatchAnswer", description = "One line of the answer, the body holds one per non-blank input line: its "
            + "number and either its score or, when the line was not a valid profile, the problem POST /scores would answer")
    public record Answer(
            @Schema(description = "Number of the input line answered (from 1; blank lines count)", example = "1") long line,
            @Schema(description = "The score, when the line was a valid profile", nullable = true) ScoreView score,
            @Schema(type = SchemaType.OBJECT, nullable = true,
                    description = "The problem (RFC 9457, as the Problem schema) when the line was not scored") Problem problem) {
    }

    /** @param mapper the API's strict mapper ({@link nl.trede.api.StrictJson}), so a line is read exactly as a request body */
    public ScoreBatch(ObjectMapper mapper, Validator validator) {
        this.profiles = mapper.readerFor(ProfileFields.class);
        this.answers = mapper.writer();
        this.validator = validator;
    }

    public Counts run(BufferedReader in, Writer out, DistanceModel model) throws IOException {
        long lineNumber = 0;
        long scored = 0;
        long refused = 0;
        Lines lines = new Lines(in);
        while (lines.next()) {
            lineNumber++;
            String line = lines.line.toString();
            if (line.isBlank()) {
                continue;
            }
            Answer answer = lines.tooLong ? new Answer(lineNumber, null, Problem.of(400, "Invalid input",
                    "The line is longer than " + MAX_LINE_CHARACTERS + " characters", ProblemCode.TOO_LONG))
                    : answer(lineNumber, line, model);
            if (answer.score() != null) {
                scored++;
            } else {
                refused++;
            }
            out.write(answers.writeValueAsString(answer));
            out.write('\n');
            if ((scored + refused) % FLUSH_EVERY == 0) {
                out.flush();
            }
        }
        out.flush();
        return new Counts(scored, refused);
    }

    /**
     * The lines of a reader (ended by a line feed; a carriage return before it is dropped), each kept to at most
     * {@link #MAX_LINE_CHARACTERS}: one endless line must not take the memory that streaming keeps a caseload out of.
     */
    private static final class Lines {
        private final Reader in;
        private final char[] buffer = new char[1 << 13];
        private int position;
        private int limit;
        final StringBuilder line = new StringBuilder();
        boolean tooLong;

        Lines(Reader in) {
            this.in = in;
        }

        /** Reads the next line into {@link #line}; false at the end of the input. */
        boolean next() throws IOException {
            line.setLength(0);
            tooLong = false;
            boolean started = false;
            while (true) {
                if (position == limit) {
                    limit = Math.max(0, in.read(buffer, 0, buffer.length));
                    position = 0;
                    if (limit == 0) {
                        return started;
                    }
                }
                started = true;
                int from = position;
                while (position < limit && buffer[position] != '\n') {
                    position++;
                }
                keep(from, position);
                if (position < limit) {
                    position++;
                    if (!line.isEmpty() && line.charAt(line.length() - 1) == '\r') {
                        line.setLength(line.length() - 1);
                    }
                    return true;
                }
            }
        }

        private void keep(int from, int to) {
            int room = MAX_LINE_CHARACTERS - line.length();
            if (to - from > room) {
                tooLong = true;
            }
            line.append(buffer, from, Math.min(to - from, room));
        }
    }

    private Answer answer(long lineNumber, String line, DistanceModel model) {
        ProfileFields fields;
        try {
            fields = profiles.readValue(line);
        } catch (JsonProcessingException e) {
            return new Answer(lineNumber, null, ProblemMappers.problemOf(e, validator));
        }
        if (fields == null) {
            return new Answer(lineNumber, null, Problem.of(400, "Invalid input", "The line must be a JSON object"));
        }
        Set<ConstraintViolation<ProfileFields>> violations = validator.validate(fields);
        if (!violations.isEmpty()) {
            return new Answer(lineNumber, null, ProblemMappers.problemOf(violations));
        }
        return new Answer(lineNumber, ScoreView.of(model.score(fields.toProfile())), null);
    }
}
