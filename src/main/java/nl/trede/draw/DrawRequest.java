package nl.trede.draw;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A klantmanager's request to draw among the options tied with the top of the advice shown. */
@Schema(name = "DrawRequest")
public record DrawRequest(
        @Schema(description = "The advice to draw from; defaults to the advice last shown for the intake")
        UUID recommendationId,
        @Size(max = 20, message = "at most 20 interventions")
        @Schema(description = "Options tied with the top that the klantmanager leaves out of the draw (the client does not want "
                + "them, there is no place); the others take part", example = "[\"WORK_FIRST\"]")
        List<@NotBlank(message = "must be an intervention code") String> excluded) {

    /** The excluded codes; none when the field is left out. */
    List<String> excludedCodes() {
        return excluded == null ? List.of() : excluded;
    }
}
