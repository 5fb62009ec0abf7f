package nl.trede.privacy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import nl.trede.audit.AuditTrail;
import nl.trede.client.Client;
import nl.trede.client.ClientService;
import nl.trede.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/clients/{clientId}/personal-data")
@Tag(name = "privacy", description = "The right to erasure")
public class ErasureResource {

    private final ClientService clients;
    private final ErasureService erasure;
    private final AuditTrail audit;

    public ErasureResource(ClientService clients, ErasureService erasure, AuditTrail audit) {
        this.clients = clients;
        this.erasure = erasure;
        this.audit = audit;
    }

    @DELETE
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @Operation(summary = "Erase a client's personal data (AVG art. 17)",
            description = "Removes the reference, every intake profile, the factors, advice texts and notes. The audit trail, "
                    + "which holds no personal data, keeps a record of the erasure. Afterwards the client is not found.")
    @APIResponse(responseCode = "204", description = "Erased")
    public Response erase(@PathParam("clientId") UUID clientId) {
        Client client = clients.get(clientId);
        erasure.erase(client);
        audit.record(AuditTrail.Action.ERASE, "client", client.id, client.municipalityCode, null);
        return Response.noContent().build();
    }
}
