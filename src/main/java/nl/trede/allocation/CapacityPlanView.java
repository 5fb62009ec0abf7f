package nl.trede.allocation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The plan in force for a municipality and period. */
@Schema(name = "CapacityPlan")
public record CapacityPlanView(
        UUID id,
        @Schema(example = "GM0599") String municipalityCode,
        @Schema(description = "A quarter (2026-Q4) or a month (2026-11)", example = "2026-Q4") String period,
        @Schema(description = "1 for the first plan of the period, one higher for every change", example = "1") int version,
        @Schema(example = "250000") double budgetEuros,
        List<Place> places,
        Instant createdAt) {

    @Schema(name = "CapacityPlanPlace")
    public record Place(
            @Schema(example = "WAGE_SUBSIDY") String interventionCode,
            @Schema(example = "40") int places,
            @Schema(example = "8000") double costEuros) {
    }

    static CapacityPlanView of(CapacityPlan plan) {
        List<Place> places = plan.placeList().stream().map(p -> new Place(p.interventionCode(), p.places(), p.costEuros())).toList();
        return new CapacityPlanView(plan.id, plan.municipalityCode, plan.period, plan.version, plan.budgetEuros, places, plan.createdAt);
    }
}
