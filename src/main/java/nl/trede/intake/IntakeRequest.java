package nl.trede.intake;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.trede.scoring.ProfileFields;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new intake or reassessment, as the case system posts it. */
@Schema(name = "IntakeRequest")
public class IntakeRequest extends ProfileFields {

    @NotBlank(message = "is required")
    @Size(max = 64, message = "must be at most 64 characters")
    @Schema(description = "The case system's own id for the client (may be a BSN). Stored only as a keyed hash; never returned or logged.",
            example = "SUITE4-0012345", required = true)
    public String clientReference;

    @NotNull(message = "is required")
    @Pattern(regexp = "GM\\d{4}", message = "must be a CBS municipality code like GM0599")
    @Schema(description = "CBS code of the municipality", example = "GM0599", required = true)
    public String municipalityCode;
}
