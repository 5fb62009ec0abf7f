package nl.trede.decision;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import nl.trede.idempotency.Idempotent;
import nl.trede.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/intakes/{intakeId}/decisions")
@Tag(name = "decisions", description = "What the klantmanager decided, and every override with its reason")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DecisionResource {

    private final DecisionService decisions;

    public DecisionResource(DecisionService decisions) {
        this.decisions = decisions;
    }

    @POST
    @Idempotent
    @RolesAllowed({Roles.CASE_SYSTEM, Roles.KLANTMANAGER})
    @Operation(summary = "Record a decision on an intake",
            description = "A decision that differs from the top recommendation (other than a single option tied with it), "
                    + "or that adjusts the score's category, is an override and needs a reasonCode. It is compared with the advice "
                    + "named in recommendationId, or else the advice last shown for the intake; without any, it is refused (409).")
    @APIResponse(responseCode = "201", description = "The decision, with override true or false",
            headers = @Header(name = "Location", description = "Address of the new decision", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DecisionView.class)))
    @APIResponse(responseCode = "409", description = "No advice was shown for this intake: GET its recommendations first")
    public Response createDecision(@PathParam("intakeId") UUID intakeId,
                           @Valid @NotNull(message = "a JSON object with the decision is required") DecisionRequest request,
                           @Context UriInfo uri) {
        DecisionView decision = DecisionView.of(decisions.decide(intakeId, request));
        return Response.created(uri.getAbsolutePathBuilder().path(decision.id().toString()).build()).entity(decision).build();
    }

    @GET
    @Path("/{decisionId}")
    @RolesAllowed({Roles.CASE_SYSTEM, Roles.KLANTMANAGER})
    @Operation(summary = "A decision on an intake", description = "The chosen interventions, whether it was an override, the reason and the model versions involved.")
    @APIResponse(responseCode = "200", description = "The decision")
    public DecisionView getDecision(@PathParam("intakeId") UUID intakeId, @PathParam("decisionId") UUID decisionId) {
        return DecisionView.of(decisions.read(intakeId, decisionId));
    }
}
