package nl.trede.scoring;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import nl.trede.core.profile.ProfileField;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The intake fields with their Dutch labels, units, ranges and values, from the one declaration
 * the service validates against, so that a form never carries its own copy of the limits. Open to
 * anyone, like the API description: it describes the API and holds no data about anybody.
 */
@Path("/intake-fields")
@Tag(name = "intake-fields", description = "The intake fields and the limits the service checks")
@Produces(MediaType.APPLICATION_JSON)
public class IntakeFieldResource {

    @Schema(name = "IntakeFields")
    public record IntakeFields(@Schema(description = "Every intake field, in the order of the profile") List<IntakeFieldView> items) {
    }

    private static final IntakeFields FIELDS = new IntakeFields(Arrays.stream(ProfileField.values()).map(IntakeFieldView::of).toList());

    @GET
    @PermitAll
    @Operation(summary = "The intake fields",
            description = "Each field's name, JSON type, Dutch label and unit, accepted range or values: the limits POST /intakes "
                    + "and POST /scores check, for forms that check input before sending it. Needs no token.")
    @APIResponse(responseCode = "200", description = "The intake fields")
    public IntakeFields listIntakeFields() {
        return FIELDS;
    }
}
