package nl.trede.allocation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The places, costs and budget of a period, as a team lead sets them. */
@Schema(name = "CapacityPlanRequest")
public record CapacityPlanRequest(
        @NotNull(message = "is required")
        @DecimalMin(value = "0", message = "must be between 0 and 1000000000")
        @DecimalMax(value = "1000000000", message = "must be between 0 and 1000000000")
        @Schema(description = "The re-integration budget of the period for the interventions listed, in euros", example = "250000",
                required = true)
        Double budgetEuros,
        @NotNull(message = "is required")
        @Size(max = 50, message = "at most 50 interventions")
        @Schema(description = "The interventions on offer in the period; one not listed has no places", required = true)
        List<@Valid @NotNull(message = "must be an object") PlaceRequest> places) {

    @Schema(name = "CapacityPlanPlaceRequest")
    public record PlaceRequest(
            @NotBlank(message = "is required")
            @Schema(description = "Catalogue code (not NONE)", example = "WAGE_SUBSIDY", required = true)
            String interventionCode,
            @NotNull(message = "is required")
            @Min(value = 0, message = "must be between 0 and 100000")
            @Max(value = 100000, message = "must be between 0 and 100000")
            @Schema(description = "How many clients can start it in the period", example = "40", required = true)
            Integer places,
            @DecimalMin(value = "0", message = "must be between 0 and 1000000")
            @DecimalMax(value = "1000000", message = "must be between 0 and 1000000")
            @Schema(description = "What one place costs the municipality, in euros; the catalogue's indicative cost when left out",
                    example = "8000")
            Double costEuros) {
    }
}
