package nl.trede.core.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import nl.trede.core.catalogue.Catalogue;
import nl.trede.core.catalogue.Intervention;
import nl.trede.core.profile.IntakeProfile;

/**
 * A truth declared by its shape, for the {@link TestHistories}: a baseline logit for work within 12
 * months without intervention (the second year has {@link TrueOutcomeModel}'s lower hazard), and
 * per intervention an {@link Effect}: a lock-in share of the client's own 12-month chance and a sum
 * of {@link Term}s, each a basis function of the profile times an effect in percentage points at 12
 * and at 24 months. Probabilities are clamped as in {@link TrueOutcomeModel}: at most 0.99 within 12
 * months, within 24 months at least the 12-month one and at most 0.995.
 */
public final class ShapedTruth implements OutcomeTruth {

    /**
     * One additive part of an effect: {@code basis(x) * points / 100} on the probability of work.
     *
     * @param description what it says about who gains, in a few words
     * @param constant    whether the basis is 1 for everyone (then it is not an effect modifier)
     */
    public record Term(String description, ToDoubleFunction<IntakeProfile> basis, double points12, double points24,
                       boolean constant) {

        /** The same effect for every client. */
        public static Term always(double points12, double points24) {
            return new Term("everyone", p -> 1, points12, points24, true);
        }

        /** An effect only for the clients who meet a condition (a threshold, or a combination of characteristics). */
        public static Term when(String description, Predicate<IntakeProfile> condition, double points12, double points24) {
            return new Term(description, p -> condition.test(p) ? 1 : 0, points12, points24, false);
        }

        /** An effect that grows with a characteristic: {@code basis(x)} per client. */
        public static Term per(String description, ToDoubleFunction<IntakeProfile> basis, double points12, double points24) {
            return new Term(description, basis, points12, points24, false);
        }
    }

    /**
     * @param lockIn share of the client's own 12-month chance a long programme costs while it runs (0 for none)
     */
    public record Effect(double lockIn, List<Term> terms) {

        public Effect {
            terms = List.copyOf(terms);
        }

        public static Effect of(Term... terms) {
            return new Effect(0, List.of(terms));
        }

        public static Effect lockingIn(double lockIn, Term... terms) {
            return new Effect(lockIn, List.of(terms));
        }
    }

    private final List<Intervention> interventions = Catalogue.STARTING.interventions();
    private final ToDoubleFunction<IntakeProfile> baselineLogit;
    private final Effect[] effects;

    /** @param effects one per intervention of the catalogue but NONE, by code */
    public ShapedTruth(ToDoubleFunction<IntakeProfile> baselineLogit, Map<String, Effect> effects) {
        this.baselineLogit = baselineLogit;
        this.effects = new Effect[interventions.size()];
        for (int k = 0; k < interventions.size(); k++) {
            Intervention intervention = interventions.get(k);
            if (!intervention.isNone()) {
                this.effects[k] = effects.get(intervention.code());
                if (this.effects[k] == null) {
                    throw new IllegalArgumentException("no effect declared for " + intervention.code());
                }
            }
        }
        if (effects.size() != interventions.size() - 1) {
            throw new IllegalArgumentException("effects declared for codes outside the catalogue: " + effects.keySet());
        }
    }

    /** The declared effect of an intervention. */
    public Effect effect(String code) {
        for (int k = 0; k < interventions.size(); k++) {
            if (interventions.get(k).code().equals(code) && effects[k] != null) {
                return effects[k];
            }
        }
        throw new IllegalArgumentException("no effect for " + code);
    }

    @Override
    public double baselineLogit(IntakeProfile complete) {
        return baselineLogit.applyAsDouble(complete);
    }

    @Override
    public double[][] probabilities(IntakeProfile complete) {
        double logit = baselineLogit(complete);
        double p12 = ProfileSampler.sigmoid(logit);
        double p24 = 1 - (1 - p12) * (1 - ProfileSampler.sigmoid(logit + TrueOutcomeModel.SECOND_YEAR_SHIFT));
        double[][] result = new double[interventions.size()][];
        for (int k = 0; k < interventions.size(); k++) {
            Effect effect = effects[k];
            if (effect == null) {
                result[k] = new double[] {p12, p24};
                continue;
            }
            double gain12 = 0;
            double gain24 = 0;
            for (Term term : effect.terms()) {
                double b = term.basis().applyAsDouble(complete);
                gain12 += b * term.points12() / 100;
                gain24 += b * term.points24() / 100;
            }
            double k12 = clamp(p12 * (1 - effect.lockIn()) + gain12, 0, 0.99);
            result[k] = new double[] {k12, clamp(p24 + gain24, k12, 0.995)};
        }
        return result;
    }

    /** The non-constant terms' bases and, for a programme that locks in, the own 12-month chance. */
    @Override
    public double[] effectModifiers(IntakeProfile complete, Intervention intervention) {
        if (intervention.isNone()) {
            return new double[0];
        }
        Effect effect = effect(intervention.code());
        List<Double> values = new ArrayList<>();
        for (Term term : effect.terms()) {
            if (!term.constant()) {
                values.add(term.basis().applyAsDouble(complete));
            }
        }
        if (effect.lockIn() > 0) {
            values.add(ProfileSampler.sigmoid(baselineLogit(complete)));
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
