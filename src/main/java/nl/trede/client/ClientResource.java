package nl.trede.client;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import nl.trede.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/clients")
@Tag(name = "clients", description = "A client's history")
@Produces(MediaType.APPLICATION_JSON)
public class ClientResource {

    private final ClientHistoryService histories;

    public ClientResource(ClientHistoryService histories) {
        this.histories = histories;
    }

    @GET
    @Path("/{clientId}")
    @RolesAllowed({Roles.CASE_SYSTEM, Roles.KLANTMANAGER})
    @Operation(summary = "A client's history", description = "Intakes, advice shown, decisions and outcomes, in time order.")
    @APIResponse(responseCode = "200", description = "The history")
    public ClientHistoryView getClientHistory(@PathParam("clientId") UUID clientId) {
        return histories.history(clientId);
    }

    @POST
    @Path("/search")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CASE_SYSTEM, Roles.KLANTMANAGER})
    @Operation(summary = "Find a client by the case system's reference",
            description = "The reference travels in the body, not the URL, so it stays out of access logs.")
    @APIResponse(responseCode = "200", description = "The client's history")
    @APIResponse(responseCode = "404", description = "No client with this reference in this municipality")
    public ClientHistoryView searchClient(@Valid @NotNull(message = "a JSON object with the search is required") ClientSearch search) {
        return histories.search(search);
    }
}
