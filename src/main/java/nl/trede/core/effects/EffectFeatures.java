package nl.trede.core.effects;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import nl.trede.core.catalogue.Eligibility;
import nl.trede.core.features.FeatureEncoder;
import nl.trede.core.profile.HealthLimitation;
import nl.trede.core.profile.IntakeProfile;
import nl.trede.core.wording.RationaleVocabulary;

/**
 * The design of the learned effect model for one intervention: every {@link FeatureEncoder} column
 * (the propensity and outcome models adjust for all of them, which is what removes the
 * cream-skimming), two age bands the literature names, and the catalogue's literature prior for
 * this client and intervention ({@link PriorEffectModel}, as a probability difference), and the
 * client's estimated chance of work within 12 months without intervention (a logistic model fitted
 * on the clients who got no intervention), through which lock-in acts: a long programme costs most
 * to the clients who would have found work anyway.
 *
 * <p>The DR-learner's final stage (the client-level effect) is linear in a short list of named
 * effect modifiers only ({@link #effectModifierColumns()}). The literature prior is one of them: it
 * carries the effect modifiers the literature reports for each intervention (recent inflow, health
 * limitation, low education, long-term unemployment, …), and the data learn how far that shape
 * holds here and what the other modifiers add. A short list keeps client effects estimable from a
 * few thousand treated clients: with all columns in the final stage the client-level error was
 * larger and the recommendations worse (see the effect model card).
 */
public final class EffectFeatures {

    /** Changes whenever a column is added, removed or transformed differently. */
    public static final String VERSION = FeatureEncoder.VERSION + "+effect-design-3";

    public static final String PRIOR_COLUMN = "literaturePrior";
    public static final String BASELINE_COLUMN = "baselineChance";

    private static final FeatureEncoder ENCODER = new FeatureEncoder();

    /** Final-stage columns: the named effect modifiers (their words are in {@link RationaleVocabulary}). */
    private static final List<String> MODIFIERS = List.of("age:under25", "age:50plus", "monthsOnBenefit:under12",
            "monthsOnBenefit:log", "expectsWork", "motivation", "healthLimitation=SOME", "healthLimitation=SEVERE",
            BASELINE_COLUMN, PRIOR_COLUMN);

    /**
     * Non-linear terms for the propensity and outcome models only: the steep fall of the exit rate
     * over the first years on benefit, motivation that pays off when health allows, recent inflow
     * that expects work, and the eligibility sets that shape which intervention a klantmanager picks.
     * Without them both nuisance models miss part of the cream-skimming and the average effects
     * come out biased upward.
     */
    private static final List<String> NUISANCE_EXTRA = List.of("monthsOnBenefit:hinge90",
            "motivation:high:x:noHealthLimitation", "expectsWork:x:under12", "monthsOnBenefit:24plus",
            "eligible:debtCounselling", "eligible:languageTraining");

    private final List<String> columns;
    private final int[] modifierColumns;
    private final int baseWidth;

    public EffectFeatures() {
        List<String> names = new ArrayList<>(ENCODER.columnNames());
        names.add("age:under25");
        names.add("age:50plus");
        names.addAll(NUISANCE_EXTRA);
        baseWidth = names.size();
        names.add(BASELINE_COLUMN);
        names.add(PRIOR_COLUMN);
        columns = Collections.unmodifiableList(names);
        modifierColumns = MODIFIERS.stream().mapToInt(name -> {
            int index = columns.indexOf(name);
            if (index < 0) {
                throw new IllegalStateException("unknown effect modifier column " + name);
            }
            RationaleVocabulary.modifier(name); // every modifier can be explained
            return index;
        }).toArray();
    }

    public List<String> columnNames() {
        return columns;
    }

    /** Indices (into {@link #columnNames()}) of the columns the client-level effect is linear in. */
    public int[] effectModifierColumns() {
        return modifierColumns.clone();
    }

    /** The intake columns only (no baseline chance, no prior): the design of the baseline-chance model. */
    public double[] baseDesign(IntakeProfile p) {
        double[] x = new double[baseWidth];
        fill(p, x);
        return x;
    }

    /** Names of {@link #baseDesign(IntakeProfile)}'s columns. */
    public List<String> baseColumnNames() {
        return columns.subList(0, baseWidth);
    }

    /**
     * The design row of a client for one intervention.
     *
     * @param baselineChance the estimated chance of work within 12 months without intervention
     * @param priorEffect    the literature prior for this client, intervention and horizon, as a
     *                       probability difference (percentage points / 100)
     */
    public double[] encode(IntakeProfile p, double baselineChance, double priorEffect) {
        double[] x = new double[columns.size()];
        fill(p, x);
        x[baseWidth] = baselineChance;
        x[baseWidth + 1] = priorEffect;
        return x;
    }

    private static void fill(IntakeProfile p, double[] x) {
        double[] base = ENCODER.encode(p);
        System.arraycopy(base, 0, x, 0, base.length);
        int c = base.length;
        Integer age = p.age();
        x[c++] = age != null && age < 25 ? 1 : 0;
        x[c++] = age != null && age >= 50 ? 1 : 0;
        Integer months = p.monthsOnBenefit();
        x[c++] = months == null ? 0 : Math.max(0, Math.min(1, (90 - months) / 66.0));
        x[c++] = p.motivation() != null && p.motivation() >= 4 && p.healthLimitation() == HealthLimitation.NONE ? 1 : 0;
        x[c++] = Boolean.TRUE.equals(p.expectsWork()) && months != null && months < 12 ? 1 : 0;
        x[c++] = months != null && months >= 24 ? 1 : 0;
        x[c++] = Eligibility.PROBLEMATIC_DEBTS.admits(p) ? 1 : 0;
        x[c] = Eligibility.LANGUAGE_BELOW_B1.admits(p) ? 1 : 0;
    }
}
