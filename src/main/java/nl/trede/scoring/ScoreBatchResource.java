package nl.trede.scoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import nl.trede.api.InvalidInputException;
import nl.trede.api.ProblemCode;
import nl.trede.core.distance.DistanceModel;
import nl.trede.models.ActiveModels;
import nl.trede.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path(ScoreBatchResource.PATH)
@Tag(name = "scores", description = "Score a profile without storing anything")
public class ScoreBatchResource {

    /** Below the API's base path; its body has a limit of its own (nl.trede.api.LoadShedding). */
    public static final String PATH = "/score-batches";

    /** JSON lines (one JSON value a line, newline-separated). */
    public static final String JSON_LINES = "application/x-ndjson";

    /** How far the look for a first profile reaches (and can be undone); past it, only blank lines are answered with nothing. */
    private static final int LOOK_AHEAD_CHARACTERS = 1 << 17;

    private final ActiveModels models;
    private final ScoreBatch batch;

    public ScoreBatchResource(ActiveModels models, ObjectMapper mapper, Validator validator) {
        this.models = models;
        this.batch = new ScoreBatch(mapper, validator);
    }

    @POST
    @Consumes(JSON_LINES)
    @Produces(JSON_LINES)
    @RolesAllowed({Roles.CASE_SYSTEM, Roles.KLANTMANAGER, Roles.DATA_SCIENTIST})
    @Operation(summary = "Score a caseload",
            description = "JSON lines in, JSON lines out: each line a profile as POST /scores takes it, each answer "
                    + "{\"line\": n, \"score\": {...}} or, for a line POST /scores would refuse, {\"line\": n, \"problem\": {...}} "
                    + "with that problem; a bad line never stops the batch. Blank lines are skipped (and counted in n). One model "
                    + "version scores the whole batch; a body without any profile is answered 400. Answers stream back as lines are read. Nothing is stored. The body has a "
                    + "limit of its own (trede.limits.max-batch-body-size; 16 MiB as shipped, about 50,000 profiles): "
                    + "send a larger caseload in parts, or score it with the score-batch command. Send its Content-Length, so that "
                    + "one too large is refused (413) before anything is read.")
    @RequestBody(content = @Content(mediaType = JSON_LINES, schema = @Schema(type = SchemaType.STRING,
            example = "{\"age\": 34, \"monthsOnBenefit\": 14}\n{\"age\": 61}\n")))
    @APIResponse(responseCode = "200", description = "One answer line for every non-blank line",
            content = @Content(mediaType = JSON_LINES, schema = @Schema(implementation = ScoreBatch.Answer.class)))
    public StreamingOutput scoreBatch(InputStream body) throws IOException {
        DistanceModel model = models.current().distance();
        BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        refuseEmpty(in);
        return out -> batch.run(in, new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)), model);
    }

    /** A batch without a single profile is a mistake worth a 400, before any answer line is sent. */
    private static void refuseEmpty(BufferedReader in) throws IOException {
        in.mark(LOOK_AHEAD_CHARACTERS);
        for (int read = 0; read < LOOK_AHEAD_CHARACTERS; read++) {
            int c = in.read();
            if (c == -1) {
                throw new InvalidInputException("body", ProblemCode.REQUIRED, "must hold at least one profile (one JSON object a line)");
            }
            if (!Character.isWhitespace(c)) {
                break;
            }
        }
        in.reset();
    }
}
