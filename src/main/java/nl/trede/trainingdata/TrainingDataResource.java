package nl.trede.trainingdata;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.ArrayList;
import java.util.List;
import nl.trede.api.InvalidInputException;
import nl.trede.api.Problem.InvalidParam;
import nl.trede.api.QueryParameters;
import nl.trede.audit.AuditTrail;
import nl.trede.security.CurrentUser;
import nl.trede.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/training-data")
@Tag(name = "training-data", description = "Decisions, the advice shown and the outcomes, for retraining")
public class TrainingDataResource {

    private static final String CSV = "text/csv";
    private static final String JSON_LINES = "application/x-ndjson";

    private final TrainingDataExport export;
    private final CurrentUser user;
    private final AuditTrail audit;

    public TrainingDataResource(TrainingDataExport export, CurrentUser user, AuditTrail audit) {
        this.export = export;
        this.user = user;
        this.audit = audit;
    }

    @GET
    @Produces({CSV, JSON_LINES})
    @RolesAllowed(Roles.DATA_SCIENTIST)
    @Operation(summary = "Training data of one municipality",
            description = "Every decision with the intake profile it was made on, the advice as shown (ranking, effects, versions), "
                    + "what was given (several interventions as one option, codes joined with +), override, reason and note, and "
                    + "the labels paid work within 12 and 24 months (empty while the horizon has not passed or nothing was "
                    + "observed since: censored, not no work). Pseudonymous ids only. Streamed: CSV (Accept: text/csv, the "
                    + "default) or JSON lines (Accept: application/x-ndjson).")
    @APIResponse(responseCode = "200", description = "The rows, oldest decision first", content = {
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = JSON_LINES, schema = @Schema(type = SchemaType.STRING))})
    public Response getTrainingData(
            @Parameter(description = "CBS code of the municipality", required = true, example = "GM0599")
            @QueryParam("municipalityCode") String municipalityCode,
            @Context HttpHeaders headers) {
        List<InvalidParam> invalid = new ArrayList<>();
        QueryParameters.municipalityCode(municipalityCode, invalid);
        if (!invalid.isEmpty()) {
            throw new InvalidInputException(invalid);
        }
        user.requireActingFor(municipalityCode);
        QuarkusTransaction.requiringNew().run(() ->
                audit.record(AuditTrail.Action.READ, "training-data", null, municipalityCode, null));
        TrainingDataFormat format = headers.getAcceptableMediaTypes().stream()
                .filter(type -> type.isCompatible(MediaType.valueOf(JSON_LINES)) && !type.isWildcardType())
                .findFirst().map(type -> TrainingDataFormat.JSON_LINES).orElse(TrainingDataFormat.CSV);
        StreamingOutput body = out -> export.write(municipalityCode, format, out);
        return Response.ok(body, format.mediaType + (format == TrainingDataFormat.CSV ? "; charset=UTF-8" : ""))
                .header("Content-Disposition", "attachment; filename=\"training-data-" + municipalityCode + "."
                        + format.fileExtension + "\"")
                .build();
    }
}
