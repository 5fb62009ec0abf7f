package nl.trede.outcome;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "OutcomeRequest")
public record OutcomeRequest(
        @NotNull(message = "is required")
        @Schema(description = "Date the situation was observed (RFC 3339 full-date): from the day before the client's first intake"
                + " to tomorrow, Europe/Amsterdam", example = "2026-05-01", required = true)
        LocalDate observedOn,
        @NotNull(message = "is required")
        @Schema(required = true, example = "PAID_WORK")
        OutcomeStatus status,
        @DecimalMin(value = "0.0", message = "must be between 0 and 80")
        @DecimalMax(value = "80.0", message = "must be between 0 and 80")
        @Schema(description = "Hours of work per week, where known", example = "24")
        Double hoursPerWeek,
        @Min(value = 1, message = "must be between 1 and 6")
        @Max(value = 6, message = "must be between 1 and 6")
        @Schema(description = "Rung on the participatieladder on that date", example = "6")
        Integer participationRung,
        @Schema(description = "The decision this outcome follows; defaults to the client's latest decision")
        UUID decisionId) {
}
