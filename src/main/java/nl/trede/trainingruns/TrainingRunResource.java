package nl.trede.trainingruns;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.trede.api.InvalidInputException;
import nl.trede.api.Problem.InvalidParam;
import nl.trede.api.ProblemCode;
import nl.trede.api.QueryParameters;
import nl.trede.core.candidate.CandidateTraining;
import nl.trede.core.training.HistoryCsvData;
import nl.trede.idempotency.Idempotent;
import nl.trede.security.CurrentUser;
import nl.trede.security.Roles;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path(TrainingRunResource.PATH)
@Tag(name = "training-runs", description = "Train a candidate model version from the service's history or an uploaded history")
@Produces(MediaType.APPLICATION_JSON)
public class TrainingRunResource {

    /** Below the API's base path; an upload has the batch body limit (nl.trede.api.LoadShedding). */
    public static final String PATH = "/training-runs";
    static final String CSV = "text/csv";
    private static final int LIST_LIMIT = 100;
    private static final String ASYNC = " Asynchronous: answered 202 with the run (QUEUED) and its address; GET it for the status "
            + "(QUEUED, RUNNING, SUCCEEDED, FAILED), the stage, the fraction done and the log while it runs. Runs are carried out one "
            + "at a time per instance. On success the distance and effect models are registered with their cards, and a candidate "
            + "model version with its evaluation report against the active version on the held-out records (never used to fit) "
            + "and its provenance (data SHA-256, records, period, code version, settings, duration, positivity problems); the run "
            + "names it (modelVersion) and its report. A run that lost its instance (restart, crash) is marked FAILED.";

    private final TrainingRuns runs;
    private final CurrentUser user;
    private final int threads;

    public TrainingRunResource(TrainingRuns runs, CurrentUser user, @ConfigProperty(name = "trede.training-runs.threads") int threads) {
        this.runs = runs;
        this.user = user;
        this.threads = threads;
    }

    @POST
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DATA_SCIENTIST)
    @Operation(summary = "Train a candidate from the service's own history",
            description = "Reads the municipality's decisions (optionally of a period) through the training-data export: the profile, "
                    + "the advice shown, what was given and the outcome labels (censored stays unknown). The effect learner models "
                    + "the klantmanager's choice given the profile and the advice shown, and uses known assignment probabilities "
                    + "where the choice was drawn. The evaluation groups by the fairness attributes recorded for the clients, read "
                    + "only there, never by a model." + ASYNC)
    @APIResponse(responseCode = "202", description = "The run, queued",
            headers = @Header(name = "Location", description = "Address of the run", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrainingRunView.class)))
    public Response createTrainingRun(TrainingRunRequest request, @Context UriInfo uri) {
        if (request == null) {
            throw new InvalidInputException("body", ProblemCode.REQUIRED, "a JSON object naming the municipality is required");
        }
        List<InvalidParam> invalid = new ArrayList<>();
        QueryParameters.municipalityCode(request.municipalityCode(), invalid);
        if (request.from() != null && request.to() != null && request.from().isAfter(request.to())) {
            invalid.add(new InvalidParam("to", ProblemCode.OUT_OF_RANGE, "must not lie before from"));
        }
        CandidateTraining.Settings settings = (request.settings() == null ? TrainingRunSettings.none() : request.settings())
                .resolve(threads, invalid);
        user.requireActingFor(request.municipalityCode());
        return accepted(runs.start(TrainingRuns.Order.fromHistory(request.municipalityCode(), request.from(), request.to(), settings,
                user.id(), user.roles())), uri);
    }

    @POST
    @Idempotent
    @Consumes(CSV)
    @RolesAllowed(Roles.DATA_SCIENTIST)
    @Operation(summary = "Train a candidate from an uploaded history CSV",
            description = "The body is a history CSV as simulate-history or the training-data export writes it: the intake fields "
                    + "under their API names, intervention, worked12, worked24 (empty: censored); optionally advisedIntervention "
                    + "(the advice shown), assignmentProbability or knownPropensity (where the choice was drawn), decidedOn, and the "
                    + "protected attributes gender and migrationBackground, which only the evaluation reads. At most "
                    + "trede.limits.max-batch-body-size (16 MiB as shipped, about 100,000 records); an unreadable file is answered "
                    + "400 naming its line and column. Settings are query parameters." + ASYNC)
    @RequestBody(content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "202", description = "The run, queued",
            headers = @Header(name = "Location", description = "Address of the run", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrainingRunView.class)))
    public Response createTrainingRunFromCsv(
            byte[] body,
            @Parameter(description = "Seeds the held-out split, the trainers and the evaluation") @QueryParam("seed") String seed,
            @Parameter(description = "Share of the records held out, 0.05 to 0.5 (default 0.2)") @QueryParam("heldOutShare")
            String heldOutShare,
            @Parameter(description = "STANDARD (default) or LOGISTIC_REGRESSION") @QueryParam("distanceCandidates")
            String distanceCandidates,
            @Parameter(description = "Final-stage ridge penalty at 12 months, 1 to 1,000,000") @QueryParam("finalLambda12")
            String finalLambda12,
            @Parameter(description = "The same at 24 months") @QueryParam("finalLambda24") String finalLambda24,
            @Parameter(description = "Cross-fitting folds, 2 to 10 (default 5)") @QueryParam("folds") String folds,
            @Context UriInfo uri) throws IOException {
        List<InvalidParam> invalid = new ArrayList<>();
        TrainingRunSettings requested = new TrainingRunSettings(
                seed == null ? null : QueryParameters.wholeNumber("seed", seed, Long.MIN_VALUE, Long.MAX_VALUE, invalid),
                decimal("heldOutShare", heldOutShare, invalid), distanceCandidates, decimal("finalLambda12", finalLambda12, invalid),
                decimal("finalLambda24", finalLambda24, invalid),
                folds == null ? null : (int) QueryParameters.wholeNumber("folds", folds, Integer.MIN_VALUE, Integer.MAX_VALUE, invalid));
        if (body == null || body.length == 0) {
            invalid.add(new InvalidParam("body", ProblemCode.REQUIRED, "must be a history CSV with a header row"));
        } else {
            try {
                TrainingRuns.readable(body);
            } catch (HistoryCsvData.InvalidCsv e) {
                invalid.add(new InvalidParam("body", ProblemCode.INVALID_FORMAT, e.getMessage()));
            }
        }
        CandidateTraining.Settings settings = requested.resolve(threads, invalid);
        return accepted(runs.start(TrainingRuns.Order.fromUpload(body, settings, user.id(), user.roles())), uri);
    }

    @GET
    @Path("/{runId}")
    @RolesAllowed(Roles.DATA_SCIENTIST)
    @Operation(summary = "A training run", description = "Its status, stage, fraction done and log (readable while it runs, from any "
            + "instance), and on success the candidate version and its report. A run on another municipality's history is not found.")
    @APIResponse(responseCode = "200", description = "The run")
    public TrainingRunView getTrainingRun(@PathParam("runId") UUID runId) {
        String municipality = runs.municipalityOf(runId);
        if (municipality != null) {
            user.requireVisible(municipality, "Training run", runId);
        }
        return runs.view(runId, true);
    }

    @GET
    @RolesAllowed(Roles.DATA_SCIENTIST)
    @Operation(summary = "Training runs", description = "The newest " + LIST_LIMIT + " runs the caller may see (on the history of a "
            + "municipality it acts for, or from an upload), newest first, without their logs.")
    @APIResponse(responseCode = "200", description = "The runs")
    public List<TrainingRunView> getTrainingRuns() {
        return runs.list(LIST_LIMIT, user.municipalities());
    }

    private static Double decimal(String name, String raw, List<InvalidParam> invalid) {
        if (raw == null) {
            return null;
        }
        try {
            return Double.valueOf(raw);
        } catch (NumberFormatException e) {
            invalid.add(new InvalidParam(name, ProblemCode.INVALID_FORMAT, "must be a number"));
            return null;
        }
    }

    private static Response accepted(TrainingRunView run, UriInfo uri) {
        return Response.accepted(run).location(uri.getAbsolutePathBuilder().path(run.id().toString()).build()).build();
    }
}
