package nl.trede.overriderates;

import jakarta.annotation.security.RolesAllowed;
import nl.trede.security.CurrentUser;
import nl.trede.security.Roles;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import nl.trede.api.InvalidInputException;
import nl.trede.api.Problem.InvalidParam;
import nl.trede.api.ProblemCode;
import nl.trede.api.QueryParameters;
import nl.trede.overriderates.OverrideRates.Period;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/override-rates")
@Tag(name = "override-rates", description = "How often klantmanagers deviate from the advice, and why")
@Produces(MediaType.APPLICATION_JSON)
public class OverrideRateResource {

    private final OverrideRateService rates;
    private final CurrentUser user;

    public OverrideRateResource(OverrideRateService rates, CurrentUser user) {
        this.rates = rates;
        this.user = user;
    }

    @GET
    @RolesAllowed({Roles.KLANTMANAGER, Roles.DATA_SCIENTIST, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Override rates of one municipality",
            description = "Share of decisions that deviated from the advice, per week or month, and the overrides per reason code. "
                    + "Evidence of real human judgement (AVG art. 22): a rate near zero suggests rubber-stamping.")
    @APIResponse(responseCode = "200", description = "The override rates")
    public OverrideRates getOverrideRates(
            @Parameter(description = "CBS code of the municipality", required = true, example = "GM0599")
            @QueryParam("municipalityCode") String municipalityCode,
            @Parameter(description = "Length of the periods: MONTH (default) or WEEK",
                    schema = @Schema(implementation = Period.class, defaultValue = "MONTH"))
            @QueryParam("period") @DefaultValue("MONTH") String period) {
        List<InvalidParam> invalid = new ArrayList<>();
        QueryParameters.municipalityCode(municipalityCode, invalid);
        if (!period.equals("MONTH") && !period.equals("WEEK")) {
            invalid.add(new InvalidParam("period", ProblemCode.INVALID_VALUE, "must be MONTH or WEEK"));
        }
        if (!invalid.isEmpty()) {
            throw new InvalidInputException(invalid);
        }
        user.requireActingFor(municipalityCode);
        return rates.rates(municipalityCode, Period.valueOf(period));
    }
}
