package nl.trede.core.effects;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.trede.core.catalogue.Eligibility;
import nl.trede.core.causal.EffectTerm;
import nl.trede.core.causal.TermSearch;
import nl.trede.core.features.FeatureEncoder;
import nl.trede.core.profile.HealthLimitation;
import nl.trede.core.profile.IntakeProfile;
import nl.trede.core.profile.ProfileField;
import nl.trede.core.wording.NumberStyle;
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
    public static final String VERSION = FeatureEncoder.VERSION + "+effect-design-4";
    /**
     * The design before the term search's cut columns ({@code <field>:value}): models trained on it
     * (effects-1.0.0, and any registered before) are still served, so they can be rolled back to.
     */
    static final String VERSION_WITHOUT_CUTS = FeatureEncoder.VERSION + "+effect-design-3";

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

    /**
     * Fields whose value the final stage's term search may cut ({@link TermSearch}), as a number: the
     * field's value, or a category's rank from low to high. The encoder's transforms (logarithms,
     * hinges) suit the nuisance models; a cut states plainly which clients it covers.
     */
    private static final List<ProfileField> CUT_FIELDS = List.of(ProfileField.AGE, ProfileField.EDUCATION_LEVEL,
            ProfileField.DUTCH_LANGUAGE_LEVEL, ProfileField.MONTHS_ON_BENEFIT, ProfileField.MONTHS_SINCE_LAST_JOB,
            ProfileField.YEARS_WORK_EXPERIENCE, ProfileField.HEALTH_LIMITATION, ProfileField.MOTIVATION,
            ProfileField.JOB_SEARCH_SELF_EFFICACY, ProfileField.PARTICIPATION_RUNG, ProfileField.LABOUR_MARKET_TIGHTNESS);
    /** The yes/no fields the term search may split on (the encoder's flag column). */
    private static final List<ProfileField> FLAG_FIELDS = List.of(ProfileField.CARE_DUTIES, ProfileField.PROBLEMATIC_DEBTS,
            ProfileField.UNSTABLE_HOUSING, ProfileField.DRIVING_LICENCE, ProfileField.EXPECTS_WORK);
    private static final String VALUE = ":value";

    private final List<String> columns;
    private final int[] modifierColumns;
    private final int baseWidth;
    private final List<TermSearch.Candidate> termCandidates;
    /** The intake field behind each column the term search may cut (the baseline chance has none). */
    private final Map<Integer, ProfileField> fieldOfColumn = new LinkedHashMap<>();
    private final boolean cutColumns;

    /** The current design ({@link #VERSION}). */
    public EffectFeatures() {
        this(true);
    }

    /** The design a model was trained on, by its version. */
    public static EffectFeatures of(String version) {
        if (VERSION.equals(version)) {
            return new EffectFeatures(true);
        }
        if (VERSION_WITHOUT_CUTS.equals(version)) {
            return new EffectFeatures(false);
        }
        throw new IllegalArgumentException("effect model was trained on features " + version + ", this code encodes "
                + VERSION + " (and reads " + VERSION_WITHOUT_CUTS + ")");
    }

    private EffectFeatures(boolean cutColumns) {
        this.cutColumns = cutColumns;
        List<String> names = new ArrayList<>(ENCODER.columnNames());
        names.add("age:under25");
        names.add("age:50plus");
        names.addAll(NUISANCE_EXTRA);
        if (cutColumns) {
            CUT_FIELDS.forEach(field -> names.add(field.fieldName() + VALUE));
        }
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
        List<TermSearch.Candidate> candidates = new ArrayList<>();
        for (ProfileField field : cutColumns ? CUT_FIELDS : List.<ProfileField>of()) {
            fieldOfColumn.put(columns.indexOf(field.fieldName() + VALUE), field);
        }
        for (ProfileField field : FLAG_FIELDS) {
            fieldOfColumn.put(columns.indexOf(field.fieldName()), field);
        }
        fieldOfColumn.forEach((column, field) -> candidates.add(new TermSearch.Candidate(column, missingColumn(field))));
        candidates.add(new TermSearch.Candidate(columns.indexOf(BASELINE_COLUMN), -1));
        termCandidates = List.copyOf(candidates);
    }

    /** The column that says a field is unknown (for the time since the last job: never worked). */
    private int missingColumn(ProfileField field) {
        String name = field == ProfileField.MONTHS_SINCE_LAST_JOB ? "neverWorked" : field.fieldName() + ":missing";
        int index = columns.indexOf(name);
        if (index < 0) {
            throw new IllegalStateException("no column " + name);
        }
        return index;
    }

    /** The columns the final stage's term search may cut, each with its missing indicator. */
    public List<TermSearch.Candidate> termCandidates() {
        return termCandidates;
    }

    /**
     * A term in words: "duur in de bijstand: 36 maanden of meer", "rijbewijs: ja en zorgtaken: nee".
     * Only terms on {@link #termCandidates()} columns can be said.
     */
    public RationaleVocabulary.Phrase describe(EffectTerm term) {
        List<String> dutch = new ArrayList<>();
        List<String> english = new ArrayList<>();
        for (EffectTerm.Condition c : term.conditions()) {
            RationaleVocabulary.Phrase p = describe(c);
            dutch.add(p.dutch());
            english.add(p.english());
        }
        return new RationaleVocabulary.Phrase(String.join(" en ", dutch), String.join(" and ", english));
    }

    private RationaleVocabulary.Phrase describe(EffectTerm.Condition c) {
        ProfileField field = fieldOfColumn.get(c.column());
        if (field == null) { // the baseline chance
            String percent = NumberStyle.DUTCH.fixed(100 * c.cut(), 0) + " %";
            return new RationaleVocabulary.Phrase("eigen kans op werk zonder hulp " + (c.atLeast() ? percent + " of meer" : "onder " + percent),
                    "own chance of work without help " + (c.atLeast() ? "at least " : "below ") + NumberStyle.ENGLISH.fixed(100 * c.cut(), 0) + " %");
        }
        if (field.type() == Boolean.class) {
            return new RationaleVocabulary.Phrase(field.dutchLabel() + ": " + (c.atLeast() ? "ja" : "nee"),
                    field.fieldName() + ": " + (c.atLeast() ? "yes" : "no"));
        }
        if (field.type().isEnum()) {
            String level = field.choices().get((int) Math.round(c.cut()) - 1).dutchLabel();
            return new RationaleVocabulary.Phrase(field.dutchLabel() + ": " + (c.atLeast() ? level + " of hoger" : "lager dan " + level),
                    field.fieldName() + (c.atLeast() ? " at least " : " below ") + level);
        }
        int decimals = field.type() == Double.class ? 2 : 0;
        String amount = NumberStyle.DUTCH.fixed(c.cut(), decimals) + field.dutchUnit().map(unit -> " " + unit).orElse("");
        return new RationaleVocabulary.Phrase(field.dutchLabel() + ": " + (c.atLeast() ? amount + " of meer" : "minder dan " + amount),
                field.fieldName() + (c.atLeast() ? " at least " : " below ") + NumberStyle.ENGLISH.fixed(c.cut(), decimals));
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

    private void fill(IntakeProfile p, double[] x) {
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
        x[c++] = Eligibility.LANGUAGE_BELOW_B1.admits(p) ? 1 : 0;
        if (cutColumns) {
            for (ProfileField field : CUT_FIELDS) {
                x[c++] = cutValue(field.valueOf(p));
            }
        }
    }

    /** A number as it is, a category as its rank from 1 (lowest); 0 when missing (the missing indicator says so). */
    private static double cutValue(Object value) {
        if (value == null) {
            return 0;
        }
        return value instanceof Enum<?> level ? level.ordinal() + 1 : ((Number) value).doubleValue();
    }
}
