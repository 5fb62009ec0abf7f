package nl.trede.recommendation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import nl.trede.api.InvalidInputException;
import nl.trede.api.ProblemCode;
import nl.trede.intake.IntakeService;
import nl.trede.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/intakes/{intakeId}/recommendations")
@Tag(name = "recommendations", description = "Interventions ranked by expected effect for this client")
@Produces(MediaType.APPLICATION_JSON)
public class RecommendationResource {

    private final IntakeService intakes;
    private final RecommendationService recommendations;

    public RecommendationResource(IntakeService intakes, RecommendationService recommendations) {
        this.intakes = intakes;
        this.recommendations = recommendations;
    }

    @GET
    @RolesAllowed({Roles.CASE_SYSTEM, Roles.KLANTMANAGER})
    @Operation(summary = "Advice for an intake",
            description = "Every eligible intervention, always including NONE, ranked by expected effect on the probability of paid work "
                    + "at the requested horizon, with a 95 % interval, cost, duration, evidence level, the source of the effect and ties. "
                    + "Ineligible interventions are listed apart with the reason. The rationale is Dutch, with English alongside. "
                    + "The effects are computed from the intake's distance score (baselineChance). Advice is recorded the first time it "
                    + "is shown, once per intake, horizon and model versions: repeating the request returns the same advice with the "
                    + "same id (each read is audited), and a later decision is compared with what the klantmanager saw.")
    @APIResponse(responseCode = "200", description = "The advice")
    public RecommendationView getRecommendations(
            @PathParam("intakeId") UUID intakeId,
            @Parameter(description = "Horizon of the expected effect: 12 (default) or 24 months",
                    schema = @Schema(type = SchemaType.INTEGER, enumeration = {"12", "24"}, defaultValue = "12"))
            @QueryParam("horizonMonths") @DefaultValue("12") String horizonMonths) {
        return recommendations.recommend(intakes.get(intakeId), horizon(horizonMonths));
    }

    /** The horizonMonths query parameter: 12 or 24. */
    public static int horizon(String horizonMonths) {
        return switch (horizonMonths) {
            case "12" -> 12;
            case "24" -> 24;
            default -> throw new InvalidInputException("horizonMonths", ProblemCode.INVALID_VALUE, "must be 12 or 24");
        };
    }
}
