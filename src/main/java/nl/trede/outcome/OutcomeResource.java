package nl.trede.outcome;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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

@Path("/clients/{clientId}/outcomes")
@Tag(name = "outcomes", description = "Where clients are later: the feedback that retraining learns from")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class OutcomeResource {

    private final OutcomeService outcomes;

    public OutcomeResource(OutcomeService outcomes) {
        this.outcomes = outcomes;
    }

    @POST
    @Idempotent
    @RolesAllowed({Roles.CASE_SYSTEM, Roles.KLANTMANAGER})
    @Operation(summary = "Record an outcome for a client",
            description = "Where the client is on a later date. Linked to the decision it follows (by default the latest), and so to the models that advised.")
    @APIResponse(responseCode = "201", description = "The outcome",
            headers = @Header(name = "Location", description = "Address of the client's history", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OutcomeView.class)))
    public Response createOutcome(@PathParam("clientId") UUID clientId,
                           @Valid @NotNull(message = "a JSON object with the outcome is required") OutcomeRequest request,
                           @Context UriInfo uri) {
        OutcomeView outcome = OutcomeView.of(outcomes.record(clientId, request));
        return Response.created(uri.getBaseUriBuilder().path("clients").path(clientId.toString()).build())
                .entity(outcome).build();
    }
}
