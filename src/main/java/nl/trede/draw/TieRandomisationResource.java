package nl.trede.draw;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import nl.trede.api.NotFound;
import nl.trede.api.QueryParameters;
import nl.trede.security.CurrentUser;
import nl.trede.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The switch of one setting, not a settings bag: it has its own roles, its own history and its own
 * question ("was it on at that moment?"), which a shared resource of many settings would blur.
 */
@Path("/municipalities/{municipalityCode}/tie-randomisation")
@Tag(name = "draws", description = "Randomisation among options statistically tied with the top, where the municipality allows it")
@Produces(MediaType.APPLICATION_JSON)
public class TieRandomisationResource {

    private final TieRandomisationService settings;

    public TieRandomisationResource(TieRandomisationService settings) {
        this.settings = settings;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.TEAM_LEAD})
    @Operation(summary = "Switch randomisation among tied options on or off",
            description = "Off by default. While on, a klantmanager may draw among the options of an advice that are statistically "
                    + "tied with its top (POST /intakes/{intakeId}/draws); the draw and its probabilities are recorded with the decision. "
                    + "Every change is kept (who, when) and on the audit trail; a draw records the change that allowed it.")
    @APIResponse(responseCode = "200", description = "The setting now in force")
    public TieRandomisationView setTieRandomisation(
            @Parameter(description = "CBS code of the municipality", example = "GM0599") @PathParam("municipalityCode") String municipalityCode,
            @Valid @NotNull(message = "a JSON object with enabled true or false is required") TieRandomisationRequest request) {
        requireExisting(municipalityCode);
        return settings.set(municipalityCode, request.enabled());
    }

    @GET
    @RolesAllowed({Roles.CASE_SYSTEM, Roles.KLANTMANAGER, Roles.DATA_SCIENTIST, Roles.AUDITOR, Roles.ADMIN, Roles.TEAM_LEAD})
    @Operation(summary = "Whether randomisation among tied options is on",
            description = "The setting in force at the given moment (default now), and the change that put it in force; "
                    + "off, without a change, before anyone switched it on.")
    @APIResponse(responseCode = "200", description = "The setting in force then")
    public TieRandomisationView getTieRandomisation(
            @Parameter(description = "CBS code of the municipality", example = "GM0599") @PathParam("municipalityCode") String municipalityCode,
            @Parameter(description = "The moment (RFC 3339, e.g. 2026-06-01T10:00:00Z); default now",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("at") String at) {
        requireExisting(municipalityCode);
        return settings.inForce(municipalityCode, QueryParameters.pastMoment(at));
    }

    /** A path that names no municipality names no setting. */
    private static void requireExisting(String municipalityCode) {
        if (!CurrentUser.isMunicipalityCode(municipalityCode)) {
            throw new NotFound("Municipality " + municipalityCode);
        }
    }
}
