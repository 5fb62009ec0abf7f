package nl.trede.intake;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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

@Path("/intakes")
@Tag(name = "intakes", description = "Intakes and reassessments, scored on arrival")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class IntakeResource {

    private final IntakeService intakes;

    public IntakeResource(IntakeService intakes) {
        this.intakes = intakes;
    }

    @POST
    @Idempotent
    @RolesAllowed({Roles.CASE_SYSTEM, Roles.KLANTMANAGER})
    @Operation(summary = "Record an intake and score it",
            description = "Registers the client on first sight (by a keyed hash of clientReference) and returns the distance score with its reasons.")
    @APIResponse(responseCode = "201", description = "The intake with its score",
            headers = @Header(name = "Location", description = "Address of the new intake", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IntakeView.class)))
    public Response createIntake(@Valid @NotNull(message = "a JSON object with the intake is required") IntakeRequest request,
                           @jakarta.ws.rs.core.Context UriInfo uri) {
        IntakeView created = IntakeView.of(intakes.record(request));
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    @Path("/{intakeId}")
    @RolesAllowed({Roles.CASE_SYSTEM, Roles.KLANTMANAGER})
    @Operation(summary = "An intake with the score it got", description = "The profile as posted and the score, factors and missing fields as they were given at the time.")
    @APIResponse(responseCode = "200", description = "The intake")
    public IntakeView getIntake(@PathParam("intakeId") UUID intakeId) {
        return IntakeView.of(intakes.read(intakeId));
    }
}
