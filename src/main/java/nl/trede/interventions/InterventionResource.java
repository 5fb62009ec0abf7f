package nl.trede.interventions;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import nl.trede.models.ActiveModels;
import nl.trede.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/interventions")
@Tag(name = "interventions", description = "The intervention catalogue")
@Produces(MediaType.APPLICATION_JSON)
public class InterventionResource {

    private final ActiveModels models;

    public InterventionResource(ActiveModels models) {
        this.models = models;
    }

    /** The catalogue, wrapped in an object so it can grow (paging, per-municipality fields). */
    public record Catalogue(
            @Schema(description = "Version of the catalogue serving now, as advice records it", example = "catalogue-1") String version,
            List<InterventionView> items) {
    }

    @GET
    @RolesAllowed({Roles.CASE_SYSTEM, Roles.KLANTMANAGER, Roles.DATA_SCIENTIST, Roles.AUDITOR, Roles.ADMIN, Roles.TEAM_LEAD})
    @Operation(summary = "The intervention catalogue", description = "Code, names, cost, duration, evidence level, eligibility and the literature prior of each intervention.")
    @APIResponse(responseCode = "200", description = "The catalogue")
    public Catalogue listInterventions() {
        nl.trede.core.catalogue.Catalogue serving = models.current().catalogue();
        return new Catalogue(serving.version(), serving.interventions().stream().map(InterventionView::of).toList());
    }
}
