package nl.trede.draw;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import nl.trede.idempotency.Idempotent;
import nl.trede.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/intakes/{intakeId}/draws")
@Tag(name = "draws", description = "Randomisation among options statistically tied with the top, where the municipality allows it")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DrawResource {

    private final DrawService draws;

    public DrawResource(DrawService draws) {
        this.draws = draws;
    }

    @POST
    @Idempotent
    @RolesAllowed({Roles.CASE_SYSTEM, Roles.KLANTMANAGER})
    @Operation(summary = "Draw among the options tied with the top",
            description = "Where the municipality has switched it on (PUT /municipalities/{municipalityCode}/tie-randomisation), draws "
                    + "one option among the top of the advice and the options statistically tied with it, less those excluded, each "
                    + "with the same probability (SecureRandom), and records the draw: once per advice, never repeated. The advice is "
                    + "the one named in recommendationId, or else the advice last shown for the intake. Only ranked options can be tied, "
                    + "so options the client is not eligible for never take part; NONE takes part like any option when it is tied. "
                    + "Name the draw's id (drawId) in the decision: choosing the drawn option follows the advice, anything else is an "
                    + "override with a reason. 409 with code tie_randomisation_off, no_tie or already_drawn, or when no advice was shown.")
    @APIResponse(responseCode = "201", description = "The draw: the candidates, their probabilities and the option drawn",
            headers = @Header(name = "Location", description = "Address of the draw", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DrawView.class)))
    @APIResponse(responseCode = "409", description = "Randomisation is off in the municipality (tie_randomisation_off), the advice has no "
            + "tie with its top (no_tie), a draw was already made from it (already_drawn), or no advice was shown for the intake")
    public Response createDraw(@PathParam("intakeId") UUID intakeId,
                               @Valid @NotNull(message = "a JSON object is required ({} draws among all tied options)") DrawRequest request,
                               @Context UriInfo uri) {
        DrawView draw = DrawView.of(draws.draw(intakeId, request));
        return Response.created(uri.getAbsolutePathBuilder().path(draw.id().toString()).build()).entity(draw).build();
    }

    @GET
    @RolesAllowed({Roles.CASE_SYSTEM, Roles.KLANTMANAGER})
    @Operation(summary = "The draws made on an intake", description = "Oldest first; at most one per advice shown.")
    @APIResponse(responseCode = "200", description = "The draws")
    public DrawView.DrawList getDraws(@PathParam("intakeId") UUID intakeId) {
        return new DrawView.DrawList(draws.ofIntake(intakeId).stream().map(DrawView::of).toList());
    }

    @GET
    @Path("/{drawId}")
    @RolesAllowed({Roles.CASE_SYSTEM, Roles.KLANTMANAGER})
    @Operation(summary = "A draw made on an intake", description = "The candidates with their probabilities and the option drawn.")
    @APIResponse(responseCode = "200", description = "The draw")
    public DrawView getDraw(@PathParam("intakeId") UUID intakeId, @PathParam("drawId") UUID drawId) {
        return DrawView.of(draws.read(intakeId, drawId));
    }
}
