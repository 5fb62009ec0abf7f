package nl.trede.core.recommend;

import java.util.List;
import nl.trede.core.catalogue.EvidenceLevel;
import nl.trede.core.catalogue.Intervention;
import nl.trede.core.causal.EffectSource;
import nl.trede.core.effects.EffectEstimate;
import nl.trede.core.wording.Rationale;

/**
 * Advice as it was shown for one intake at one horizon: the ranking, each option's effect with its
 * interval, the ties, the options the client is not eligible for, and the versions behind it. A
 * decision is compared with it and a client's history keeps it, so it is fixed as shown: numbers
 * rounded as displayed, names and costs as the catalogue had them, unchanged by later models.
 *
 * @param baselineChance the chance of paid work within 12 months without help that the effects were
 *                       computed from (the intake's distance score); null for advice recorded before
 *                       it was kept
 */
public record ShownAdvice(int horizonMonths, Versions versions, Double baselineChance, List<Option> ranked,
                          List<Excluded> notEligible) {

    /** The distance model, effect model and catalogue behind the advice. */
    public record Versions(String distanceModel, String effectModel, String catalogue) {
    }

    /** One ranked option; {@code effect} is null when too few comparable clients received it. */
    public record Option(String code, String name, Effect effect, EffectSource source, double priorShare, double costEuros,
                         int durationMonths, EvidenceLevel evidenceLevel, Rationale rationale, List<String> tiedWith) {

        public boolean comparableHistory() {
            return effect != null;
        }
    }

    /** Percentage points on the probability of paid work at the advice's horizon, with the 95 % interval. */
    public record Effect(double pointEstimate, double lower, double upper) {
    }

    /** An intervention the client is not eligible for, and why. */
    public record Excluded(String code, String name, Rationale reason) {
    }

    /** The first-ranked option; {@code NONE} is always eligible, so there is one. */
    public Option top() {
        return ranked.get(0);
    }

    /** Computed advice as it is shown: effects to two decimals (more would suggest a precision they lack). */
    public static ShownAdvice of(Advice advice, Versions versions) {
        List<Option> options = advice.ranked().stream().map(r -> {
            Intervention i = r.intervention();
            EffectEstimate e = r.effect();
            Effect effect = e.comparableHistory() ? new Effect(round(e.pointEstimate()), round(e.lower()), round(e.upper())) : null;
            return new Option(i.code(), i.dutchName(), effect, e.source(), round(e.priorShare()), i.costEuros(),
                    i.durationMonths(), i.evidenceLevel(), e.rationale(), List.copyOf(r.tiedWith()));
        }).toList();
        List<Excluded> excluded = advice.notEligible().stream()
                .map(x -> new Excluded(x.intervention().code(), x.intervention().dutchName(), x.reason()))
                .toList();
        return new ShownAdvice(advice.horizonMonths(), versions, advice.baselineChance(), options, excluded);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
