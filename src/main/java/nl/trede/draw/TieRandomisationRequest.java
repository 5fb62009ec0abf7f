package nl.trede.draw;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Switches randomisation among tied options on or off for a municipality. */
@Schema(name = "TieRandomisationRequest")
public record TieRandomisationRequest(
        @NotNull(message = "is required: true to switch randomisation among tied options on, false to switch it off")
        @Schema(description = "True: klantmanagers may draw among options statistically tied with the top; false: they may not",
                example = "true", required = true)
        Boolean enabled) {
}
