package nl.trede.scoring;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import io.smallrye.common.annotation.NonBlocking;
import nl.trede.models.ActiveModels;
import nl.trede.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/scores")
@Tag(name = "scores", description = "Score a profile without storing anything")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ScoreResource {

    private final ActiveModels models;

    public ScoreResource(ActiveModels models) {
        this.models = models;
    }

    @POST
    // Pure arithmetic on the request: answered on the event loop, without a hand-over to a worker thread.
    @NonBlocking
    @RolesAllowed({Roles.CASE_SYSTEM, Roles.KLANTMANAGER, Roles.DATA_SCIENTIST})
    @Operation(summary = "Score a profile", description = "For what-if questions and batch use: nothing is stored.")
    @APIResponse(responseCode = "200", description = "The distance score")
    public ScoreView scoreProfile(@Valid @NotNull(message = "a JSON object with the intake fields is required") ProfileFields profile) {
        return ScoreView.of(models.current().distance().score(profile.toProfile()));
    }
}
