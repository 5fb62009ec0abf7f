package nl.trede.client;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Find a client by the case system's reference; sent in a body so the reference never lands in URLs or access logs. */
@Schema(name = "ClientSearch")
public record ClientSearch(
        @NotBlank(message = "is required") @Size(max = 64, message = "must be at most 64 characters")
        @Schema(example = "SUITE4-0012345", required = true) String clientReference,
        @NotNull(message = "is required") @Pattern(regexp = "GM\\d{4}", message = "must be a CBS municipality code like GM0599")
        @Schema(example = "GM0599", required = true) String municipalityCode) {
}
