package nl.trede.interventions;

import nl.trede.core.catalogue.Intervention;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A catalogue entry as the API shows it. */
@Schema(name = "Intervention")
public record InterventionView(
        @Schema(example = "JOB_SEARCH_ASSISTANCE") String code,
        @Schema(example = "sollicitatietraining en bemiddeling") String dutchName,
        @Schema(example = "job search assistance") String englishName,
        @Schema(description = "Indicative cost per client in euros", example = "1200.00") double costEuros,
        @Schema(example = "3") int durationMonths,
        @Schema(description = "Evidence level (Databank Effectieve Sociale Interventies)", example = "GOOD_INDICATIONS") String evidenceLevel,
        @Schema(example = "goede aanwijzingen voor effectiviteit") String evidenceLevelLabel,
        @Schema(description = "Who it is for", example = "EVERYONE") String eligibility,
        @Schema(example = "iedereen") String eligibilityLabel,
        Prior prior) {

    /** The literature prior: percentage points on P(paid work) for an average bijstand client. */
    @Schema(name = "InterventionPrior")
    public record Prior(
            @Schema(example = "2.0") double effect12Months,
            @Schema(example = "1.5") double effect24Months,
            @Schema(description = "Standard deviation of the prior, set by the evidence level", example = "1.5") double standardDeviation,
            @Schema(description = "Where the prior comes from; the figures are indicative design assumptions") String source) {
    }

    public static InterventionView of(Intervention i) {
        return new InterventionView(i.code(), i.dutchName(), i.englishName(), i.costEuros(), i.durationMonths(),
                i.evidenceLevel().name(), i.evidenceLevel().dutchLabel(), i.eligibility().name(), i.eligibility().dutchRule(),
                new Prior(i.priorEffect12(), i.priorEffect24(),
                        i.isNone() ? 0 : i.evidenceLevel().priorStandardDeviation(), i.priorSource()));
    }
}
