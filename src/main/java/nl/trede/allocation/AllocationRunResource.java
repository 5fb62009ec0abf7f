package nl.trede.allocation;

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

@Path("/allocation-runs")
@Tag(name = "allocation", description = "Places and budget of a period, and their allocation over the open caseload")
@Produces(MediaType.APPLICATION_JSON)
public class AllocationRunResource {

    private final AllocationRunService runs;

    public AllocationRunResource(AllocationRunService runs) {
        this.runs = runs;
    }

    @POST
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TEAM_LEAD, Roles.ADMIN})
    @Operation(summary = "Allocate a period's places and budget over a cohort",
            description = "Proposes for each client of the cohort at most one intervention, so that the total expected effect at the "
                    + "horizon is largest while no intervention takes more clients than its places and the cost stays within the "
                    + "budget of the period's capacity plan. An intervention the client is not eligible for, or has not enough "
                    + "comparable history for, is never proposed. Returns the expected gain with a 95 % interval, what one more "
                    + "place or 1,000 euros would add, the gain at other budgets and the near-ties. The proposal is advice: the "
                    + "klantmanager decides. The answer leaves the proposals out: GET the run (Location) for them. 409 when the period "
                    + "has no capacity plan.")
    @APIResponse(responseCode = "201", description = "The run",
            headers = @Header(name = "Location", description = "Address of the run", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AllocationRunView.class)))
    @APIResponse(responseCode = "409", description = "The period has no capacity plan: PUT one first")
    public Response createAllocationRun(@Valid @NotNull(message = "a JSON object naming the municipality and period is required")
                                        AllocationRunRequest request, @Context UriInfo uri) {
        AllocationRunView run = runs.run(request);
        return Response.created(uri.getAbsolutePathBuilder().path(run.id().toString()).build()).entity(run).build();
    }

    @GET
    @Path("/{runId}")
    @RolesAllowed({Roles.TEAM_LEAD, Roles.ADMIN})
    @Operation(summary = "An allocation run", description = "The run as it was made, with every client's proposal.")
    @APIResponse(responseCode = "200", description = "The run")
    public AllocationRunView getAllocationRun(@PathParam("runId") UUID runId) {
        return runs.read(runId);
    }
}
