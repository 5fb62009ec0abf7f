package nl.trede.core.effects;

import java.util.List;
import java.util.Optional;
import nl.trede.core.catalogue.Intervention;
import nl.trede.core.profile.IntakeProfile;

/**
 * A client's nuisances for a doubly robust policy value over the arms "nothing" and each offered
 * intervention, from the learned effect model: each intervention's model gives the chance of that
 * intervention and its expected outcome; "nothing" takes the average of what the models the client
 * is eligible for say of the control (they were fitted apart, on different eligible populations).
 * A client no model covers gets chance 1 of nothing, so that its score is its recorded outcome.
 *
 * @param propensity  per arm (0: nothing, {@code o + 1}: offered intervention {@code o})
 * @param outcomeMean per arm, the expected chance of paid work at the horizon
 */
public record PolicyNuisances(double[] propensity, double[] outcomeMean) {

    public static PolicyNuisances of(LearnedEffectModel model, IntakeProfile profile, double baselineChance, List<Intervention> catalogue,
                                     List<Intervention> offered, int horizonMonths) {
        double controlPropensity = 0;
        double controlOutcome = 0;
        int models = 0;
        for (Intervention intervention : catalogue) {
            Optional<LearnedEffectModel.Nuisance> n = model.nuisance(profile, baselineChance, intervention, horizonMonths);
            if (n.isPresent()) {
                controlPropensity += n.get().controlPropensity();
                controlOutcome += n.get().controlOutcome();
                models++;
            }
        }
        double[] e = new double[offered.size() + 1];
        double[] mu = new double[offered.size() + 1];
        e[0] = models == 0 ? 1 : controlPropensity / models;
        mu[0] = models == 0 ? 0 : controlOutcome / models;
        for (int o = 0; o < offered.size(); o++) {
            Optional<LearnedEffectModel.Nuisance> n = model.nuisance(profile, baselineChance, offered.get(o), horizonMonths);
            e[o + 1] = n.map(LearnedEffectModel.Nuisance::propensity).orElse(0.0);
            mu[o + 1] = n.map(LearnedEffectModel.Nuisance::outcome).orElse(mu[0]);
        }
        return new PolicyNuisances(e, mu);
    }
}
