package nl.trede.models;

import jakarta.annotation.security.RolesAllowed;
import nl.trede.security.Roles;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/models")
@Tag(name = "models", description = "Model versions and their model cards, for data scientists, auditors and the Algoritmeregister")
@Produces(MediaType.APPLICATION_JSON)
public class ModelCardResource {

    private final ModelCards cards;

    public ModelCardResource(ModelCards cards) {
        this.cards = cards;
    }

    @GET
    @RolesAllowed({Roles.CASE_SYSTEM, Roles.KLANTMANAGER, Roles.DATA_SCIENTIST, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Model versions with their cards",
            description = "Every model card in the model registry, the versions of the model set serving now, and any evaluation reports.")
    @APIResponse(responseCode = "200", description = "The model versions")
    public ModelOverview listModels() {
        return cards.overview();
    }

    @GET
    @Path("/{modelVersion}")
    @RolesAllowed({Roles.CASE_SYSTEM, Roles.KLANTMANAGER, Roles.DATA_SCIENTIST, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "One model version with its card", description = "The card of one registered model version, whether it is serving, and whether the card matches the SHA-256 it was registered with.")
    @APIResponse(responseCode = "200", description = "The model card")
    public ModelOverview.Card getModel(@PathParam("modelVersion") String modelVersion) {
        return cards.card(modelVersion);
    }
}
