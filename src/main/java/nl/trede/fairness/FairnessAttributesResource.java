package nl.trede.fairness;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import nl.trede.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Protected attributes for fairness monitoring only (AI Act art. 10(5)): written by those who work
 * with the client, read only by a fairness auditor, never by a model or a klantmanager's page.
 */
@Path("/clients/{clientId}/fairness-attributes")
@Tag(name = "fairness", description = "Protected attributes, kept apart, for fairness monitoring only")
@Produces(MediaType.APPLICATION_JSON)
public class FairnessAttributesResource {

    private final FairnessAttributesService attributes;

    public FairnessAttributesResource(FairnessAttributesService attributes) {
        this.attributes = attributes;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CASE_SYSTEM, Roles.KLANTMANAGER})
    @Operation(summary = "Record a client's protected attributes",
            description = "Optional, only with the client's consent, and only to check that advice is fair across groups. "
                    + "Stored apart from the intake profile; no model ever reads them. Replaces what was recorded before.")
    @APIResponse(responseCode = "204", description = "Recorded")
    public Response recordFairnessAttributes(@PathParam("clientId") UUID clientId,
            @Valid @NotNull(message = "a JSON object with the attributes is required") FairnessAttributesRequest request) {
        attributes.record(clientId, request);
        return Response.noContent().build();
    }

    @GET
    @RolesAllowed(Roles.FAIRNESS_AUDITOR)
    @Operation(summary = "A client's protected attributes", description = "For the fairness audit only.")
    @APIResponse(responseCode = "200", description = "The attributes")
    @APIResponse(responseCode = "404", description = "None recorded, or no such client")
    public FairnessAttributesView getFairnessAttributes(@PathParam("clientId") UUID clientId) {
        return attributes.get(clientId);
    }

    @DELETE
    @RolesAllowed({Roles.CASE_SYSTEM, Roles.KLANTMANAGER})
    @Operation(summary = "Withdraw a client's protected attributes", description = "When the client no longer consents.")
    @APIResponse(responseCode = "204", description = "Withdrawn (or none were recorded)")
    public Response withdrawFairnessAttributes(@PathParam("clientId") UUID clientId) {
        attributes.withdraw(clientId);
        return Response.noContent().build();
    }
}
