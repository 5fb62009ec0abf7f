package nl.trede.trainingruns;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A run from the service's own history: a municipality's decisions, optionally of a period. */
@Schema(description = "A training run from the service's own history: the decisions of one municipality, optionally of a period")
public record TrainingRunRequest(
        @Schema(description = "CBS code of the municipality whose decisions are read", example = "GM0599", required = true)
        String municipalityCode,
        @Schema(description = "First day of the period (decisions made on or after it); all decisions when left out")
        LocalDate from,
        @Schema(description = "Last day of the period (decisions made on or before it); all decisions when left out")
        LocalDate to,
        TrainingRunSettings settings) {
}
