package nl.trede.recommendation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.trede.allocation.ProposalAtPlaces;
import nl.trede.core.causal.EffectSource;
import nl.trede.core.recommend.ShownAdvice;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Ranked interventions for one intake at one horizon, as shown to the klantmanager. */
@Schema(name = "Recommendation")
public record RecommendationView(
        @Schema(description = "Id of this piece of advice; decisions refer to it") UUID id,
        UUID intakeId,
        UUID clientId,
        String municipalityCode,
        Instant createdAt,
        @Schema(description = "Horizon of the expected effects, in months", example = "12") int horizonMonths,
        @Schema(description = "Version of the distance model behind the intake's score") String modelVersion,
        @Schema(description = "Version of the effect model behind the expected effects") String effectModelVersion,
        @Schema(description = "Version of the intervention catalogue; null for advice recorded before the catalogue had one",
                nullable = true) String catalogueVersion,
        @Schema(description = "Chance of paid work within 12 months without help that the effects are computed from: the intake's "
                + "distance score (score.probability), so that one number speaks for it; null for advice recorded before it was kept",
                example = "0.18", nullable = true) Double baselineChance,
        @Schema(description = "Eligible interventions, ranked by expected effect; always includes NONE") List<Item> items,
        @Schema(description = "Interventions the client is not eligible for, with the reason") List<NotEligible> notEligible,
        @Schema(description = "The latest allocation run's proposal for this intake, within the period's places and budget, beside "
                + "the ranking above; null when no run included it (and in a client's timeline)", nullable = true)
        ProposalAtPlaces allocationProposal) {

    @Schema(name = "RecommendationItem")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Item(
            @Schema(example = "1") int rank,
            @Schema(example = "JOB_SEARCH_ASSISTANCE") String interventionCode,
            @Schema(description = "Dutch name", example = "sollicitatietraining en bemiddeling") String name,
            @Schema(description = "Null when there is not enough comparable history to estimate it", nullable = true)
            ExpectedEffect expectedEffect,
            @Schema(description = "False means: not enough comparable history for this client") boolean comparableHistory,
            @Schema(description = "Where the effect came from: PRIOR (literature, adjusted by stated rules), LEARNED, or BLEND")
            EffectSource effectSource,
            @Schema(description = "Share of the estimate that is prior (1) rather than data (0)", example = "1.0") double priorShare,
            @Schema(example = "1200.00") double costEuros,
            @Schema(example = "3") int durationMonths,
            @Schema(example = "GOOD_INDICATIONS") String evidenceLevel,
            @Schema(description = "What drives this client's effect, in Dutch, in words a klantmanager can repeat to the client")
            String rationale,
            @Schema(description = "The same rationale in English, for vendors and data scientists") String rationaleEnglish,
            @Schema(description = "Interventions whose effect is statistically tied with this one") List<String> tiedWith) {
    }

    /** Percentage points on the probability of paid work, with a 95 % interval. */
    @Schema(name = "ExpectedEffect")
    public record ExpectedEffect(
            @Schema(example = "2.5") double pointEstimate,
            @Schema(example = "-0.4") double lower,
            @Schema(example = "5.4") double upper,
            @Schema(example = "12") int horizonMonths) {
    }

    @Schema(name = "NotEligibleIntervention")
    public record NotEligible(
            @Schema(example = "DEBT_COUNSELLING") String interventionCode,
            @Schema(example = "schuldhulpverlening") String name,
            @Schema(description = "Why not, in Dutch", example = "Past niet bij deze klant: alleen bij problematische schulden.")
            String reason,
            @Schema(description = "The same in English", example = "Not eligible: only with problematic debts") String reasonEnglish) {
    }

    /** The view of a recorded advice: what the record holds, in the API's shape. */
    public static RecommendationView of(Recommendation record) {
        return of(record, null);
    }

    /** The same, with the allocation run's proposal for the intake beside it. */
    static RecommendationView of(Recommendation record, ProposalAtPlaces proposal) {
        ShownAdvice advice = record.advice();
        return new RecommendationView(record.id, record.intakeId, record.clientId, record.municipalityCode, record.createdAt,
                advice.horizonMonths(), advice.versions().distanceModel(), advice.versions().effectModel(),
                advice.versions().catalogue(), advice.baselineChance(), items(advice), notEligible(advice), proposal);
    }

    /** The ranked options of an advice as items, ranked from 1. */
    public static List<Item> items(ShownAdvice advice) {
        List<Item> items = new ArrayList<>();
        for (ShownAdvice.Option o : advice.ranked()) {
            ExpectedEffect effect = o.effect() == null ? null
                    : new ExpectedEffect(o.effect().pointEstimate(), o.effect().lower(), o.effect().upper(), advice.horizonMonths());
            items.add(new Item(items.size() + 1, o.code(), o.name(), effect, o.comparableHistory(), o.source(), o.priorShare(),
                    o.costEuros(), o.durationMonths(), o.evidenceLevel().name(), o.rationale().dutch(), o.rationale().english(),
                    o.tiedWith()));
        }
        return items;
    }

    /** The interventions an advice excludes, with the reason. */
    public static List<NotEligible> notEligible(ShownAdvice advice) {
        return advice.notEligible().stream()
                .map(x -> new NotEligible(x.code(), x.name(), x.reason().dutch(), x.reason().english())).toList();
    }
}
