package nl.trede.shadow;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import nl.trede.models.ModelCardResource;
import nl.trede.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The shadow comparison for the models page: aggregates only, for those who judge models (data
 * scientists, auditors, admins, team leads, fairness auditors), never for a case system or
 * klantmanager, who are never shown a shadow's answers.
 */
@Path("/models/shadow/comparison")
@Tag(name = "models")
@Produces(MediaType.APPLICATION_JSON)
public class ShadowComparisonResource {

    private final ShadowComparisons comparisons;

    public ShadowComparisonResource(ShadowComparisons comparisons) {
        this.comparisons = comparisons;
    }

    @GET
    @RolesAllowed({Roles.DATA_SCIENTIST, Roles.AUDITOR, Roles.ADMIN, Roles.TEAM_LEAD, Roles.FAIRNESS_AUDITOR})
    @Operation(summary = "How the shadow version's answers on live intakes compare with the active set's",
            description = "Every intake recorded while a version shadowed was also scored and advised by it, right after its "
                    + "commit (never shown). Over the intakes of the caller's municipalities: how many and when; agreement of "
                    + "the distance categories (share equal, the 4 × 4 table); agreement of the advice at 12 and 24 months (same "
                    + "top option, mean Kendall's tau); the same per age band and Dutch language level, and for the "
                    + "fairness-auditor role per gender and migration background. Subgroups below minimumSubgroupSize have no "
                    + "rates. 404 when no version shadows and none is named.")
    @APIResponse(responseCode = "200", description = "The comparison")
    @APIResponse(responseCode = "400", description = "version is not a version number")
    @APIResponse(responseCode = "404", description = "No such model version, or none shadows and none is named")
    public ShadowComparison getShadowComparison(
            @Parameter(description = "The version to compare (default: the one shadowing now)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) @QueryParam("version") String version) {
        return comparisons.compare(version == null ? null : ModelCardResource.versionNumber(version));
    }
}
