package nl.trede.scoring;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import io.smallrye.common.annotation.NonBlocking;
import nl.trede.core.distance.DistanceScore;
import nl.trede.core.profile.IntakeProfile;
import nl.trede.core.recommend.ShownAdvice;
import nl.trede.models.ActiveModels;
import nl.trede.models.ModelSet;
import nl.trede.recommendation.RecommendationResource;
import nl.trede.recommendation.RecommendationService;
import nl.trede.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/advice")
@Tag(name = "scores", description = "Score a profile without storing anything")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AdviceResource {

    private final ActiveModels models;
    private final RecommendationService recommendations;

    public AdviceResource(ActiveModels models, RecommendationService recommendations) {
        this.models = models;
        this.recommendations = recommendations;
    }

    @POST
    // Pure arithmetic on the request: answered on the event loop, without a hand-over to a worker thread.
    @NonBlocking
    @RolesAllowed({Roles.CASE_SYSTEM, Roles.KLANTMANAGER, Roles.DATA_SCIENTIST})
    @Operation(summary = "Full advice for a profile, as a what-if",
            description = "The distance score with its factors and every intervention ranked by expected effect, with intervals, "
                    + "ties and the ineligible ones, computed exactly as the advice of a stored intake is (one model set for the "
                    + "whole answer; the effects start from this score). Nothing is stored and nothing is audited: no client is "
                    + "named. Record an intake to get advice a decision can refer to.")
    @APIResponse(responseCode = "200", description = "The score and the advice")
    public AdviceView adviseProfile(
            @Valid @NotNull(message = "a JSON object with the intake fields is required") ProfileFields profile,
            @Parameter(description = "Horizon of the expected effect: 12 (default) or 24 months",
                    schema = @Schema(type = SchemaType.INTEGER, enumeration = {"12", "24"}, defaultValue = "12"))
            @QueryParam("horizonMonths") @DefaultValue("12") String horizonMonths) {
        int horizon = RecommendationResource.horizon(horizonMonths);
        ModelSet set = models.current();
        IntakeProfile intake = profile.toProfile();
        DistanceScore score = set.distance().score(intake);
        ShownAdvice advice = recommendations.advise(intake, score.probability(), set, set.versions(), horizon);
        return AdviceView.of(score, advice);
    }
}
