package nl.trede.allocation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.regex.Pattern;
import nl.trede.api.NotFound;
import nl.trede.security.CurrentUser;
import nl.trede.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/capacity-plans/{municipalityCode}/{period}")
@Tag(name = "allocation", description = "Places and budget of a period, and their allocation over the open caseload")
@Produces(MediaType.APPLICATION_JSON)
public class CapacityPlanResource {

    /** A quarter (2026-Q4) or a month (2026-11): the periods a plan is made for. */
    static final String PERIOD_REGEX = "\\d{4}-(Q[1-4]|0[1-9]|1[0-2])";
    static final Pattern PERIOD = Pattern.compile(PERIOD_REGEX);

    private final CapacityPlanService plans;

    public CapacityPlanResource(CapacityPlanService plans) {
        this.plans = plans;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TEAM_LEAD, Roles.ADMIN})
    @Operation(summary = "Set the places, costs and budget of a period",
            description = "Replaces the plan of the municipality and period by a new version (the old ones are kept); allocation "
                    + "runs use the version in force when they run. An intervention not listed has no places in the period.")
    @APIResponse(responseCode = "200", description = "The new version of the plan")
    public CapacityPlanView setCapacityPlan(
            @Parameter(description = "CBS code of the municipality", example = "GM0599") @PathParam("municipalityCode") String municipalityCode,
            @Parameter(description = "A quarter (2026-Q4) or a month (2026-11)", example = "2026-Q4") @PathParam("period") String period,
            @Valid @NotNull(message = "a JSON object with the budget and the places is required") CapacityPlanRequest request) {
        requireExisting(municipalityCode, period);
        return plans.set(municipalityCode, period, request);
    }

    @GET
    @RolesAllowed({Roles.TEAM_LEAD, Roles.ADMIN})
    @Operation(summary = "The places, costs and budget of a period", description = "The version of the plan in force.")
    @APIResponse(responseCode = "200", description = "The plan in force")
    public CapacityPlanView getCapacityPlan(
            @Parameter(description = "CBS code of the municipality", example = "GM0599") @PathParam("municipalityCode") String municipalityCode,
            @Parameter(description = "A quarter (2026-Q4) or a month (2026-11)", example = "2026-Q4") @PathParam("period") String period) {
        requireExisting(municipalityCode, period);
        return plans.get(municipalityCode, period);
    }

    /** A path that names no municipality or no period names no plan. */
    static void requireExisting(String municipalityCode, String period) {
        if (!CurrentUser.isMunicipalityCode(municipalityCode) || !PERIOD.matcher(period).matches()) {
            throw new NotFound("Capacity plan " + municipalityCode + "/" + period);
        }
    }
}
