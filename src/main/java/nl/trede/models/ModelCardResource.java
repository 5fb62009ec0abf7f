package nl.trede.models;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.trede.api.InvalidInputException;
import nl.trede.api.Problem;
import nl.trede.api.QueryParameters;
import nl.trede.idempotency.Idempotent;
import nl.trede.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The model registry over HTTP: versions with cards, reports and history for everyone who works with
 * the models; proposing, shadowing (data scientists), approving, rejecting and rolling back (admins).
 */
@Path("/models")
@Tag(name = "models", description = "Model versions and their model cards, for data scientists, auditors and the Algoritmeregister")
@Produces(MediaType.APPLICATION_JSON)
public class ModelCardResource {


    @Schema(name = "PromotionRequest")
    public record PromotionRequest(
            @NotNull(message = "is required") @Min(value = 1, message = "must be a model version number")
            @Schema(description = "The version to make active", example = "2", required = true) Long version,
            @NotBlank(message = "is required") @Size(max = 2000, message = "must be at most 2000 characters")
            @Schema(description = "Why, for the admin who decides and for the history", required = true,
                    example = "Retrained on the 2026 history; better calibrated for category 4 (see its report)") String reason) {
    }

    @Schema(name = "PromotionDecisionRequest")
    public record DecisionRequest(
            @NotBlank(message = "is required") @Size(max = 2000, message = "must be at most 2000 characters")
            @Schema(description = "Why", required = true, example = "Report reviewed; subgroup ratios within bounds") String reason) {
    }

    @Schema(name = "RollbackRequest")
    public record RollbackRequest(
            @Min(value = 1, message = "must be a model version number")
            @Schema(description = "The version to restore (it must have been active before); default: the one the active "
                    + "version replaced", example = "1") Long version,
            @NotBlank(message = "is required") @Size(max = 2000, message = "must be at most 2000 characters")
            @Schema(description = "Why", required = true, example = "Complaints about category 4 since the promotion") String reason) {
    }

    @Schema(name = "ShadowRequest")
    public record ShadowRequest(
            @NotNull(message = "is required") @Min(value = 1, message = "must be a model version number")
            @Schema(description = "The version to score live intakes beside the active one", example = "2", required = true)
            Long version,
            @NotBlank(message = "is required") @Size(max = 2000, message = "must be at most 2000 characters")
            @Schema(description = "Why", required = true, example = "Compare with the active version on live intakes") String reason) {
    }

    public record PromotionList(List<Promotion> items) {
    }

    private final ModelCards cards;
    private final ModelPromotions promotions;
    private final ActiveModels active;

    public ModelCardResource(ModelCards cards, ModelPromotions promotions, ActiveModels active) {
        this.cards = cards;
        this.promotions = promotions;
        this.active = active;
    }

    @GET
    @RolesAllowed({Roles.CASE_SYSTEM, Roles.KLANTMANAGER, Roles.TEAM_LEAD, Roles.DATA_SCIENTIST, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Model versions with their status, cards, reports and history",
            description = "Every numbered model version with its status (candidate, shadow, active, retired), provenance and "
                    + "report; every move of the active and shadow pointer; the proposals; every model card; and the versions "
                    + "of the model set serving on this instance.")
    @APIResponse(responseCode = "200", description = "The model versions")
    public ModelOverview listModels() {
        return cards.overview();
    }

    @GET
    @Path("/{modelVersion}")
    @RolesAllowed({Roles.CASE_SYSTEM, Roles.KLANTMANAGER, Roles.TEAM_LEAD, Roles.DATA_SCIENTIST, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "One model artefact with its card", description = "The card of one registered model artefact "
            + "(distance-1.0.0, effects-1.1.0), whether it is serving, and whether the card matches the SHA-256 it was registered with.")
    @APIResponse(responseCode = "200", description = "The model card")
    public ModelOverview.Card getModel(@PathParam("modelVersion") String modelVersion) {
        return cards.card(modelVersion);
    }

    @GET
    @Path("/active")
    @RolesAllowed({Roles.CASE_SYSTEM, Roles.KLANTMANAGER, Roles.TEAM_LEAD, Roles.DATA_SCIENTIST, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The model version live at a moment",
            description = "Which version answered requests at the given moment (default: now), from the registry's history, and the "
                    + "event that made it active. 404 before the registry's first version.")
    @APIResponse(responseCode = "200", description = "The version live then")
    @APIResponse(responseCode = "404", description = "No version was live then (before the registry's first version)")
    public ModelOverview.Live getActiveModel(
            @Parameter(description = "The moment (RFC 3339, e.g. 2026-06-01T10:00:00Z); default now",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("at") String at) {
        return cards.liveAt(QueryParameters.pastMoment(at));
    }

    @GET
    @Path("/{version}/report")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @RolesAllowed({Roles.CASE_SYSTEM, Roles.KLANTMANAGER, Roles.TEAM_LEAD, Roles.DATA_SCIENTIST, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The evaluation report of a model version",
            description = "The report made by the training run that registered the version, against the version active then on the "
                    + "same held-out data: JSON (Accept: application/json) or the readable HTML with its plots (Accept: text/html).")
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "The version is not a version number")
    @APIResponse(responseCode = "404", description = "No such version, or it has no report")
    public Response getModelReport(@PathParam("version") String version, @Context jakarta.ws.rs.core.HttpHeaders headers) {
        long number = versionNumber(version);
        boolean html = headers.getAcceptableMediaTypes().stream().findFirst()
                .map(t -> t.isCompatible(MediaType.TEXT_HTML_TYPE) && !t.isWildcardType()).orElse(false);
        return Response.ok(cards.report(number, html), html ? MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")
                : MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("/promotions")
    @RolesAllowed({Roles.DATA_SCIENTIST, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Proposals to promote a model version", description = "Every proposal, newest first, with its decision.")
    @APIResponse(responseCode = "200", description = "The proposals")
    public PromotionList listPromotions() {
        return new PromotionList(promotions.promotions());
    }

    @POST
    @Idempotent
    @Path("/promotions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DATA_SCIENTIST)
    @Operation(summary = "Propose a model version for promotion",
            description = "A data scientist proposes a version that has an evaluation report; an admin who is someone else approves "
                    + "or rejects it. 409 (report_required) without a report.")
    @APIResponse(responseCode = "201", description = "The proposal",
            headers = @Header(name = "Location", description = "Address of the proposal", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Promotion.class)))
    @APIResponse(responseCode = "404", description = "No such model version")
    @APIResponse(responseCode = "409", description = "The version has no evaluation report, or it is active already")
    public Response createPromotion(@Valid @NotNull(message = "a JSON object with version and reason is required") PromotionRequest request,
                                    @Context UriInfo uri) {
        Promotion promotion = promotions.propose(request.version(), request.reason());
        return Response.created(uri.getAbsolutePathBuilder().path(promotion.id().toString()).build()).entity(promotion).build();
    }

    @GET
    @Path("/promotions/{promotionId}")
    @RolesAllowed({Roles.DATA_SCIENTIST, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "One proposal to promote a model version", description = "The proposal and its decision.")
    @APIResponse(responseCode = "200", description = "The proposal")
    public Promotion getPromotion(@PathParam("promotionId") UUID promotionId) {
        return promotions.promotion(promotionId);
    }

    @POST
    @Path("/promotions/{promotionId}/approval")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Approve a promotion: the version becomes active",
            description = "In one transaction the active pointer moves, the previously active version is retired and the event is "
                    + "appended to the history; every instance serves the version within trede.models.poll-interval (5 s). Four eyes: "
                    + "refused (403, same_person) for the admin who proposed it. 409 when it was decided already (already_decided) "
                    + "or another version became active since it was proposed (stale_proposal); of two approvals at once, one wins.")
    @APIResponse(responseCode = "200", description = "The approved proposal")
    @APIResponse(responseCode = "404", description = "No such proposal")
    @APIResponse(responseCode = "409", description = "Decided already, or another version became active since it was proposed")
    public Promotion approvePromotion(@PathParam("promotionId") UUID promotionId,
                                      @Valid @NotNull(message = "a JSON object with the reason is required") DecisionRequest request) {
        Promotion approved = promotions.approve(promotionId, request.reason());
        active.follow();
        return approved;
    }

    @POST
    @Path("/promotions/{promotionId}/rejection")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Reject a promotion", description = "Nothing moves; the proposal is closed with the reason.")
    @APIResponse(responseCode = "200", description = "The rejected proposal")
    @APIResponse(responseCode = "404", description = "No such proposal")
    @APIResponse(responseCode = "409", description = "Decided already")
    public Promotion rejectPromotion(@PathParam("promotionId") UUID promotionId,
                                     @Valid @NotNull(message = "a JSON object with the reason is required") DecisionRequest request) {
        return promotions.reject(promotionId, request.reason());
    }

    @POST
    @Path("/rollbacks")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Roll back to a version that was active before",
            description = "Moves the active pointer back (by default to the version the active one replaced) in one transaction with "
                    + "its event; every instance serves it within trede.models.poll-interval (5 s).")
    @APIResponse(responseCode = "200", description = "The event of the rollback")
    @APIResponse(responseCode = "404", description = "No such model version")
    @APIResponse(responseCode = "409", description = "Nothing to roll back to, or the version was never active or is active now")
    public ModelEvent createRollback(@Valid @NotNull(message = "a JSON object with the reason is required") RollbackRequest request) {
        ModelEvent event = promotions.rollBack(request.version(), request.reason());
        active.follow();
        return event;
    }

    @PUT
    @Path("/shadow")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DATA_SCIENTIST)
    @Operation(summary = "Let a version shadow the active one",
            description = "Every instance loads and verifies the shadow version beside the active one (so that a promotion of it "
                    + "needs no second load) and, right after each new intake's commit, lets it score and advise the intake "
                    + "too: stored under the intake's id for GET /models/shadow/comparison, never shown. Replaces any earlier shadow.")
    @APIResponse(responseCode = "200", description = "The event of the change")
    @APIResponse(responseCode = "404", description = "No such model version")
    @APIResponse(responseCode = "409", description = "The version is the active one")
    public ModelEvent putShadow(@Valid @NotNull(message = "a JSON object with version and reason is required") ShadowRequest request) {
        ModelEvent event = promotions.shadow(request.version(), request.reason());
        active.follow();
        return event;
    }

    @DELETE
    @Path("/shadow")
    @RolesAllowed({Roles.DATA_SCIENTIST, Roles.ADMIN})
    @Operation(summary = "Stop shadowing", description = "No version is held beside the active one any more.")
    @APIResponse(responseCode = "204", description = "Stopped")
    @APIResponse(responseCode = "409", description = "No version is shadowing")
    public void deleteShadow() {
        promotions.shadow(null, "shadow stopped");
        active.follow();
    }

    /** A model version number given as the parameter {@code version}; 400 with its invalid param otherwise. */
    public static long versionNumber(String text) {
        List<Problem.InvalidParam> invalid = new ArrayList<>();
        long number = QueryParameters.wholeNumber("version", text, 1, Long.MAX_VALUE, invalid);
        if (!invalid.isEmpty()) {
            throw new InvalidInputException(invalid);
        }
        return number;
    }
}
