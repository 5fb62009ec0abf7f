package nl.trede.core.recommend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import nl.trede.core.catalogue.Catalogue;
import nl.trede.core.catalogue.Intervention;
import nl.trede.core.effects.EffectEstimate;
import nl.trede.core.effects.EffectModel;
import nl.trede.core.profile.IntakeProfile;
import nl.trede.core.wording.Rationale;

/**
 * Ranks a catalogue's interventions for one client by expected effect.
 *
 * <p>Tie rule: two options are tied when the 95 % interval of the difference of their effects
 * contains zero, treating the two estimates as independent (standard errors read off their 95 %
 * intervals). Independence overstates the uncertainty of a difference when estimates share
 * errors, so the rule errs toward calling options tied and leaving the choice to the klantmanager.
 */
public final class Recommender {

    private static final double Z95 = 1.959964;

    private static final Comparator<RankedIntervention> BY_EFFECT = Comparator
            .comparing((RankedIntervention r) -> !r.effect().comparableHistory())
            .thenComparing(r -> -r.effect().pointEstimate())
            .thenComparing(r -> r.intervention().costEuros());

    /**
     * @param baselineChance the client's chance of paid work within 12 months without help: the
     *                       distance score the klantmanager sees, which the effects are computed from
     */
    public Advice recommend(IntakeProfile profile, double baselineChance, Catalogue catalogue, EffectModel effects,
                            int horizonMonths) {
        List<EffectEstimate> estimates = new ArrayList<>();
        List<Intervention> eligible = new ArrayList<>();
        List<Exclusion> notEligible = new ArrayList<>();
        for (Intervention intervention : catalogue.interventions()) {
            Optional<Rationale> exclusion = intervention.eligibility().exclusion(profile);
            if (exclusion.isPresent()) {
                notEligible.add(new Exclusion(intervention, exclusion.get()));
            } else {
                eligible.add(intervention);
                estimates.add(effects.estimate(profile, baselineChance, intervention, horizonMonths));
            }
        }
        List<RankedIntervention> ranked = new ArrayList<>();
        for (int i = 0; i < eligible.size(); i++) {
            ranked.add(new RankedIntervention(eligible.get(i), estimates.get(i), tiesOf(i, eligible, estimates)));
        }
        ranked.sort(BY_EFFECT);
        return new Advice(horizonMonths, baselineChance, List.copyOf(ranked), List.copyOf(notEligible));
    }

    private static List<String> tiesOf(int index, List<Intervention> eligible, List<EffectEstimate> estimates) {
        EffectEstimate own = estimates.get(index);
        List<String> tied = new ArrayList<>();
        if (!own.comparableHistory()) {
            return tied;
        }
        for (int j = 0; j < eligible.size(); j++) {
            EffectEstimate other = estimates.get(j);
            if (j != index && other.comparableHistory() && statisticallyTied(own, other)) {
                tied.add(eligible.get(j).code());
            }
        }
        return tied;
    }

    static boolean statisticallyTied(EffectEstimate a, EffectEstimate b) {
        double se = Math.hypot(standardError(a), standardError(b));
        return Math.abs(a.pointEstimate() - b.pointEstimate()) <= Z95 * se;
    }

    private static double standardError(EffectEstimate e) {
        return (e.upper() - e.lower()) / (2 * Z95);
    }
}
