package nl.trede.core.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import nl.trede.core.catalogue.Catalogue;
import nl.trede.core.catalogue.Intervention;
import nl.trede.core.causal.DoublyRobustEstimator;
import nl.trede.core.causal.LogisticModel;
import nl.trede.core.distance.DistanceCategory;
import nl.trede.core.distance.DistanceModel;
import nl.trede.core.effects.EffectModel;
import nl.trede.core.evaluation.BinaryMetrics;
import nl.trede.core.evaluation.PolicyValue;
import nl.trede.core.features.FeatureEncoder;
import nl.trede.core.profile.IntakeProfile;
import nl.trede.core.recommend.Advice;
import nl.trede.core.recommend.Recommender;
import nl.trede.core.report.EvaluationReport.DistanceMetrics;
import nl.trede.core.report.EvaluationReport.EffectSection;
import nl.trede.core.report.EvaluationReport.GroupMetrics;
import nl.trede.core.report.EvaluationReport.PolicyResult;
import nl.trede.core.report.EvaluationReport.ProxyResult;
import nl.trede.core.report.EvaluationReport.QiniPoint;
import nl.trede.core.report.EvaluationReport.RateRatio;
import nl.trede.core.training.TrainingRecord;

/**
 * The evaluation report of a candidate model set against the active one, on the same held-out
 * records (issue #11.4). Entry point:
 * <pre>{@code
 * EvaluationReport report = CandidateEvaluation.evaluate(
 *         new CandidateEvaluation.ModelSet(candidateDistance, candidateEffects),
 *         new CandidateEvaluation.ModelSet(activeDistance, activeEffects),
 *         catalogue, "export of 2026-11-01, records 40,000 to 50,000",
 *         heldOut,                                   // List<HeldOutRecord>: a TrainingRecord and its ProtectedAttributes
 *         CandidateEvaluation.Settings.defaults());
 * report.toJson(); report.toHtml(); report.flags();
 * }</pre>
 *
 * <p>What it measures:
 * <ul>
 * <li><b>Distance</b>, on the records where nothing was given and the 12-month outcome is known
 * (the label the distance model defines): AUC, Brier score, log loss, calibration (expected
 * calibration error over deciles, and the decile table for the reliability plot); per group of
 * gender, age band, migration background and Dutch language level: the calibration gap and the
 * false-positive and false-negative rates of category 4, with the ratio of the highest to the lowest
 * rate among groups.</li>
 * <li><b>Proxies</b>: how well the encoded profile (everything the models see) predicts each
 * protected group, by 5-fold cross-validated AUC of a ridge logistic regression, and how well each
 * distance score alone separates it.</li>
 * <li><b>Effects</b>, per horizon on the records whose outcome is known there: the doubly robust
 * value ({@link PolicyValue}, nuisances cross-fitted on these records) of following the
 * candidate's top recommendation, the active one's, the klantmanagers' actual choices, a uniformly
 * random eligible option, nothing for anyone, and everyone eligible getting the best average
 * option; paired differences; and each model's Qini curve.</li>
 * </ul>
 * Protected attributes are read only here, to group clients: no model sees them. The records
 * must not have been used to train the candidate (nor, ideally, the active set).
 */
public final class CandidateEvaluation {

    /** Names of the grouping attributes, as the report writes them. */
    public static final String GENDER = "gender";
    public static final String MIGRATION = "migrationBackground";
    public static final String AGE = "ageBand";
    public static final String LANGUAGE = "dutchLanguageLevel";
    public static final String UNKNOWN = "unknown";
    /** The arm of a record that got something outside the catalogue's single options (a combination). */
    static final String OTHER = "OTHER";
    private static final int[] HORIZONS = {12, 24};
    private static final int QINI_STEPS = 20;
    /** A group needs at least this many of either outcome for its error rates to be compared. */
    private static final int MIN_OUTCOMES = 10;

    private CandidateEvaluation() {
    }

    /** A distance model and an effect model that serve together; their versions name them in the report. */
    public record ModelSet(DistanceModel distance, EffectModel effects) {
        public ModelSet {
            Objects.requireNonNull(distance, "distance");
            Objects.requireNonNull(effects, "effects");
        }

        EvaluationReport.Versions versions() {
            return new EvaluationReport.Versions(distance.version(), effects.version());
        }
    }

    /** One held-out client: the history as a learner sees it, and what was recorded of the protected attributes. */
    public record HeldOutRecord(TrainingRecord record, ProtectedAttributes attributes) {
        public HeldOutRecord {
            Objects.requireNonNull(record, "record");
            Objects.requireNonNull(attributes, "attributes");
        }
    }

    /**
     * @param folds  cross-fitting folds of the policy-value nuisances and of the proxy classifier
     * @param seed   seeds the folds
     * @param bins   equal-mass bins of the calibration table
     */
    public record Settings(int folds, long seed, int bins, EvaluationReport.Thresholds thresholds) {
        /** 5 folds, 10 bins; flags at a rate ratio of 1.25, a calibration gap of 0.02, a proxy AUC of 0.70; groups of 100. */
        public static Settings defaults() {
            return new Settings(5, 20_261_201L, 10, new EvaluationReport.Thresholds(1.25, 0.02, 0.70, 100));
        }
    }

    /**
     * Evaluates the candidate against the active set on the held-out records.
     *
     * @param heldOutDescription where the records come from, in one line (the report states it)
     * @throws IllegalArgumentException when there are no held-out records with a known 12-month outcome
     *                                  where nothing was given
     */
    public static EvaluationReport evaluate(ModelSet candidate, ModelSet active, Catalogue catalogue,
                                            String heldOutDescription, List<HeldOutRecord> heldOut, Settings settings) {
        List<IntakeProfile> profiles = heldOut.stream().map(h -> h.record().profile()).toList();
        double[] candidateChance = candidate.distance().probabilities(profiles);
        double[] activeChance = active.distance().probabilities(profiles);
        List<String> flags = new ArrayList<>();

        int[] labelled = IntStream.range(0, heldOut.size())
                .filter(i -> heldOut.get(i).record().gotNothing() && heldOut.get(i).record().within12().known()).toArray();
        if (labelled.length == 0) {
            throw new IllegalArgumentException("no held-out record where nothing was given and the 12-month outcome is known");
        }
        EvaluationReport.DistanceSection distance = new EvaluationReport.DistanceSection(
                "paid work within 12 months, observed for clients who got no intervention", labelled.length,
                distanceMetrics(candidate.distance().version(), heldOut, labelled, candidateChance, settings),
                distanceMetrics(active.distance().version(), heldOut, labelled, activeChance, settings));
        distanceFlags(distance.candidate(), settings.thresholds(), flags);

        List<ProxyResult> proxies = proxies(heldOut, candidateChance, activeChance, settings);
        proxies.stream().filter(ProxyResult::flagged).forEach(p -> flags.add(String.format(Locale.ROOT,
                "proxy: the profile predicts %s = %s with cross-validated AUC %.3f (the candidate's score alone: %.3f)",
                p.attribute(), p.group(), p.inputsAuc(), p.candidateScoreAuc())));

        List<EffectSection> effects = new ArrayList<>();
        for (int horizon : HORIZONS) {
            effectSection(horizon, candidate, active, catalogue, heldOut, candidateChance, activeChance, settings)
                    .ifPresent(section -> {
                        effects.add(section);
                        PolicyValue.Estimate d = section.candidateMinusActive();
                        if (d.upper() < 0) {
                            flags.add(String.format(Locale.ROOT, "effects at %d months: following the candidate's advice "
                                    + "does worse than the active set's, %+.4f (95 %% interval %+.4f to %+.4f)",
                                    horizon, d.value(), d.lower(), d.upper()));
                        }
                    });
        }
        return new EvaluationReport(EvaluationReport.FORMAT, candidate.versions(), active.versions(), catalogue.version(),
                heldOutDescription, heldOut.size(), settings.thresholds(), distance, proxies, effects, flags);
    }

    // ---- distance -------------------------------------------------------------------------------

    private static DistanceMetrics distanceMetrics(String version, List<HeldOutRecord> heldOut, int[] rows, double[] chance,
                                                   Settings settings) {
        double[] p = Arrays.stream(rows).mapToDouble(i -> chance[i]).toArray();
        boolean[] worked = worked12(heldOut, rows);
        List<GroupMetrics> groups = new ArrayList<>();
        List<RateRatio> ratios = new ArrayList<>();
        for (Map.Entry<String, Function<HeldOutRecord, String>> attribute : groupings().entrySet()) {
            Map<String, List<Integer>> members = new TreeMap<>();
            for (int r = 0; r < rows.length; r++) {
                members.computeIfAbsent(attribute.getValue().apply(heldOut.get(rows[r])), g -> new ArrayList<>()).add(r);
            }
            List<GroupMetrics> ofAttribute = new ArrayList<>();
            members.forEach((group, indices) -> ofAttribute.add(group(attribute.getKey(), group,
                    indices.stream().mapToInt(Integer::intValue).toArray(), p, worked, settings.thresholds())));
            groups.addAll(ofAttribute);
            ratios.add(ratio(attribute.getKey(), "false-positive rate of category 4", ofAttribute,
                    GroupMetrics::falsePositiveRate4, settings.thresholds()));
            ratios.add(ratio(attribute.getKey(), "false-negative rate of category 4", ofAttribute,
                    GroupMetrics::falseNegativeRate4, settings.thresholds()));
        }
        return new DistanceMetrics(version, BinaryMetrics.auc(p, worked), BinaryMetrics.brier(p, worked),
                BinaryMetrics.logLoss(p, worked), BinaryMetrics.expectedCalibrationError(p, worked, settings.bins(), true),
                BinaryMetrics.mean(p), BinaryMetrics.rate(worked),
                BinaryMetrics.calibrationTable(p, worked, settings.bins(), true), groups, ratios);
    }

    /** The attributes clients are grouped by: the recorded protected ones, and two from the profile. */
    private static Map<String, Function<HeldOutRecord, String>> groupings() {
        Map<String, Function<HeldOutRecord, String>> result = new LinkedHashMap<>();
        result.put(GENDER, h -> h.attributes().gender().orElse(UNKNOWN));
        result.put(MIGRATION, h -> h.attributes().migrationBackground().orElse(UNKNOWN));
        result.put(AGE, h -> ageBand(h.record().profile().age()));
        result.put(LANGUAGE, h -> h.record().profile().dutchLanguageLevel() == null ? UNKNOWN
                : h.record().profile().dutchLanguageLevel().name());
        return result;
    }

    /** Bands that matter in the Participatiewet: under 27 (other rules for young people), 27–39, 40–54, 55 and over. */
    public static String ageBand(Integer age) {
        if (age == null) {
            return UNKNOWN;
        }
        return age < 27 ? "18-26" : age < 40 ? "27-39" : age < 55 ? "40-54" : "55+";
    }

    private static GroupMetrics group(String attribute, String group, int[] members, double[] p, boolean[] worked,
                                      EvaluationReport.Thresholds thresholds) {
        double[] gp = Arrays.stream(members).mapToDouble(i -> p[i]).toArray();
        boolean[] gw = new boolean[members.length];
        int positives = 0;
        int falsePositives = 0;
        int falseNegatives = 0;
        for (int m = 0; m < members.length; m++) {
            gw[m] = worked[members[m]];
            boolean category4 = DistanceCategory.of(gp[m]) == DistanceCategory.LARGE_DISTANCE;
            positives += gw[m] ? 1 : 0;
            falsePositives += gw[m] && category4 ? 1 : 0;
            falseNegatives += !gw[m] && !category4 ? 1 : 0;
        }
        int negatives = members.length - positives;
        double predicted = BinaryMetrics.mean(gp);
        double observed = BinaryMetrics.rate(gw);
        double gap = predicted - observed;
        double se = Math.sqrt(observed * (1 - observed) / members.length);
        boolean comparable = !UNKNOWN.equals(group) && members.length >= thresholds.minimumGroup()
                && positives >= MIN_OUTCOMES && negatives >= MIN_OUTCOMES;
        return new GroupMetrics(attribute, group, members.length, BinaryMetrics.auc(gp, gw), predicted, observed, gap,
                gap - PolicyValue.Z95 * se, gap + PolicyValue.Z95 * se,
                positives == 0 ? Double.NaN : falsePositives / (double) positives,
                negatives == 0 ? Double.NaN : falseNegatives / (double) negatives,
                comparable, comparable && Math.abs(gap) > thresholds.calibrationGap());
    }

    private static RateRatio ratio(String attribute, String rate, List<GroupMetrics> groups,
                                   ToDoubleFunction<GroupMetrics> value, EvaluationReport.Thresholds thresholds) {
        List<GroupMetrics> comparable = groups.stream().filter(GroupMetrics::comparable).toList();
        if (comparable.size() < 2) {
            return new RateRatio(attribute, rate, Double.NaN, null, null, false);
        }
        GroupMetrics highest = comparable.stream().max(Comparator.comparingDouble(value)).orElseThrow();
        GroupMetrics lowest = comparable.stream().min(Comparator.comparingDouble(value)).orElseThrow();
        double high = value.applyAsDouble(highest);
        double low = value.applyAsDouble(lowest);
        double ratio = high == 0 ? 1 : high / low;
        return new RateRatio(attribute, rate, ratio, highest.group(), lowest.group(), ratio > thresholds.rateRatio());
    }

    private static void distanceFlags(DistanceMetrics m, EvaluationReport.Thresholds thresholds, List<String> flags) {
        for (RateRatio r : m.ratios()) {
            if (r.flagged()) {
                flags.add(String.format(Locale.ROOT, "distance %s: the %s is %s times as high for %s = %s as for %s",
                        m.version(), r.rate(), Double.isFinite(r.ratio()) ? String.format(Locale.ROOT, "%.2f", r.ratio())
                                : "infinitely", r.attribute(), r.highest(), r.lowest()));
            }
        }
        for (GroupMetrics g : m.groups()) {
            if (g.calibrationFlagged()) {
                flags.add(String.format(Locale.ROOT, "distance %s: calibration gap %+.3f (95 %% interval %+.3f to %+.3f) "
                        + "for %s = %s (%d clients; above %.2f)", m.version(), g.calibrationGap(), g.gapLower(),
                        g.gapUpper(), g.attribute(), g.group(), g.n(), thresholds.calibrationGap()));
            }
        }
    }

    private static boolean[] worked12(List<HeldOutRecord> heldOut, int[] rows) {
        boolean[] result = new boolean[rows.length];
        for (int r = 0; r < rows.length; r++) {
            result[r] = heldOut.get(rows[r]).record().within12().worked();
        }
        return result;
    }

    // ---- proxies --------------------------------------------------------------------------------

    private static List<ProxyResult> proxies(List<HeldOutRecord> heldOut, double[] candidateChance, double[] activeChance,
                                             Settings settings) {
        FeatureEncoder encoder = new FeatureEncoder();
        double[][] x = heldOut.stream().map(h -> encoder.encode(h.record().profile())).toArray(double[][]::new);
        List<ProxyResult> result = new ArrayList<>();
        Map<String, Function<HeldOutRecord, Optional<String>>> attributes = Map.of(
                GENDER, h -> h.attributes().gender(), MIGRATION, h -> h.attributes().migrationBackground());
        for (String attribute : List.of(GENDER, MIGRATION)) {
            int[] recorded = IntStream.range(0, heldOut.size())
                    .filter(i -> attributes.get(attribute).apply(heldOut.get(i)).isPresent()).toArray();
            Map<String, Integer> counts = new TreeMap<>();
            for (int i : recorded) {
                counts.merge(attributes.get(attribute).apply(heldOut.get(i)).orElseThrow(), 1, Integer::sum);
            }
            if (counts.size() < 2) {
                continue;
            }
            for (Map.Entry<String, Integer> group : counts.entrySet()) {
                int rest = recorded.length - group.getValue();
                if (group.getValue() < settings.thresholds().minimumGroup() || rest < settings.thresholds().minimumGroup()
                        || (counts.size() == 2 && group.getKey().equals(counts.keySet().iterator().next()))) {
                    continue; // too small to judge, or the mirror image of the other group of two
                }
                boolean[] member = new boolean[recorded.length];
                for (int r = 0; r < recorded.length; r++) {
                    member[r] = attributes.get(attribute).apply(heldOut.get(recorded[r])).orElseThrow().equals(group.getKey());
                }
                double inputsAuc = crossValidatedAuc(select(x, recorded), member, settings);
                result.add(new ProxyResult(attribute, group.getKey(), group.getValue(), inputsAuc,
                        BinaryMetrics.auc(select(candidateChance, recorded), member),
                        BinaryMetrics.auc(select(activeChance, recorded), member), inputsAuc >= settings.thresholds().proxyAuc()));
            }
        }
        return result;
    }

    /** AUC of out-of-fold predictions of a ridge logistic regression (folds stratified by the label). */
    static double crossValidatedAuc(double[][] x, boolean[] label, Settings settings) {
        int[] classes = new int[label.length];
        for (int i = 0; i < label.length; i++) {
            classes[i] = label[i] ? 1 : 0;
        }
        int[] fold = DoublyRobustEstimator.stratifiedFolds(classes, 2, settings.folds(), settings.seed());
        double[] predicted = new double[label.length];
        for (int f = 0; f < settings.folds(); f++) {
            int current = f;
            int[] train = IntStream.range(0, label.length).filter(i -> fold[i] != current).toArray();
            boolean[] trainLabel = new boolean[train.length];
            for (int t = 0; t < train.length; t++) {
                trainLabel[t] = label[train[t]];
            }
            LogisticModel model = LogisticModel.fit(select(x, train), trainLabel, 1.0);
            for (int i = 0; i < label.length; i++) {
                if (fold[i] == current) {
                    predicted[i] = model.probability(x[i]);
                }
            }
        }
        return BinaryMetrics.auc(predicted, label);
    }

    // ---- effects --------------------------------------------------------------------------------

    private static Optional<EffectSection> effectSection(int horizon, ModelSet candidate, ModelSet active, Catalogue catalogue,
                                                         List<HeldOutRecord> heldOut, double[] candidateChance,
                                                         double[] activeChance, Settings settings) {
        int[] rows = IntStream.range(0, heldOut.size()).filter(i -> heldOut.get(i).record().outcome(horizon).known()).toArray();
        List<Intervention> options = catalogue.interventions();
        int none = options.indexOf(catalogue.find(Intervention.NONE).orElseThrow());
        int arms = options.size() + 1; // the catalogue's options and OTHER
        if (rows.length < 2 * settings.folds() * arms) {
            return Optional.empty();
        }
        int n = rows.length;
        double[][] x = new double[n][];
        int[] arm = new int[n];
        boolean[] worked = new boolean[n];
        double[] known = new double[n];
        boolean[][] eligible = new boolean[n][options.size()];
        FeatureEncoder encoder = new FeatureEncoder();
        for (int r = 0; r < n; r++) {
            TrainingRecord record = heldOut.get(rows[r]).record();
            x[r] = encoder.encode(record.profile());
            arm[r] = armOf(record, options, none);
            worked[r] = record.outcome(horizon).worked();
            known[r] = record.knownPropensity().orElse(Double.NaN);
            for (int k = 0; k < options.size(); k++) {
                eligible[r][k] = options.get(k).eligibility().exclusion(record.profile()).isEmpty();
            }
        }
        PolicyValue pv = PolicyValue.crossFitted(x, arm, arms, worked, known, settings.folds(), settings.seed());

        Advised candidateAdvice = advise(candidate, catalogue, heldOut, rows, candidateChance, horizon, options);
        Advised activeAdvice = advise(active, catalogue, heldOut, rows, activeChance, horizon, options);
        double[][] random = new double[n][arms];
        for (int r = 0; r < n; r++) {
            int count = 0;
            for (boolean e : eligible[r]) {
                count += e ? 1 : 0;
            }
            for (int k = 0; k < options.size(); k++) {
                random[r][k] = eligible[r][k] ? 1.0 / count : 0;
            }
        }
        int[] nothing = new int[n];
        Arrays.fill(nothing, none);
        int best = none;
        double bestValue = pv.value(nothing).value();
        for (int k = 0; k < options.size(); k++) {
            double value = pv.value(everyoneEligible(k, eligible, none)).value();
            if (value > bestValue) {
                best = k;
                bestValue = value;
            }
        }
        int[] bestAverage = everyoneEligible(best, eligible, none);

        List<PolicyResult> policies = new ArrayList<>();
        policies.add(result("candidate", "follow the top recommendation of " + candidate.effects().version(), pv,
                PolicyValue.deterministic(candidateAdvice.top(), arms)));
        policies.add(result("active", "follow the top recommendation of " + active.effects().version(), pv,
                PolicyValue.deterministic(activeAdvice.top(), arms)));
        PolicyValue.Estimate observed = pv.observed();
        policies.add(new PolicyResult("actual", "what the klantmanagers actually gave (the observed outcome)",
                observed.value(), observed.standardError(), observed.lower(), observed.upper(), 0));
        policies.add(result("random", "a uniformly random eligible option (nothing included)", pv, random));
        policies.add(result("best-average", "everyone eligible gets " + options.get(best).code()
                + ", the option with the highest average value here (chosen on these records: optimistic)", pv,
                PolicyValue.deterministic(bestAverage, arms)));
        policies.add(result("nothing", "nobody gets an intervention", pv, PolicyValue.deterministic(nothing, arms)));

        List<QiniPoint> candidateQini = qini(pv, candidateAdvice, none);
        List<QiniPoint> activeQini = qini(pv, activeAdvice, none);
        return Optional.of(new EffectSection(horizon, n, options.get(best).code(), policies,
                pv.difference(candidateAdvice.top(), activeAdvice.top()), pv.difference(candidateAdvice.top(), bestAverage),
                candidateQini, qiniCoefficient(candidateQini), activeQini, qiniCoefficient(activeQini)));
    }

    /** Each client's top recommendation (an index into the catalogue) and its predicted effect, the targeting priority. */
    private record Advised(int[] top, double[] priority) {
    }

    private static Advised advise(ModelSet models, Catalogue catalogue, List<HeldOutRecord> heldOut, int[] rows,
                                  double[] chance, int horizon, List<Intervention> options) {
        Recommender recommender = new Recommender();
        int[] top = new int[rows.length];
        double[] priority = new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
            Advice advice = recommender.recommend(heldOut.get(rows[r]).record().profile(), chance[rows[r]], catalogue,
                    models.effects(), horizon);
            top[r] = options.indexOf(advice.top().intervention());
            priority[r] = advice.top().intervention().isNone() ? 0 : advice.top().effect().pointEstimate();
        }
        return new Advised(top, priority);
    }

    /** The arm of a record: the one catalogue option it got, nothing, or OTHER (a combination or an unknown code). */
    private static int armOf(TrainingRecord record, List<Intervention> options, int none) {
        if (record.gotNothing()) {
            return none;
        }
        if (record.given().size() == 1) {
            for (int k = 0; k < options.size(); k++) {
                if (options.get(k).code().equals(record.given().get(0))) {
                    return k;
                }
            }
        }
        return options.size();
    }

    private static int[] everyoneEligible(int option, boolean[][] eligible, int none) {
        int[] policy = new int[eligible.length];
        for (int r = 0; r < policy.length; r++) {
            policy[r] = eligible[r][option] ? option : none;
        }
        return policy;
    }

    private static PolicyResult result(String name, String description, PolicyValue pv, double[][] policy) {
        PolicyValue.Estimate e = pv.value(policy);
        return new PolicyResult(name, description, e.value(), e.standardError(), e.lower(), e.upper(),
                pv.poorOverlapShare(policy));
    }

    /**
     * The Qini curve: for each share q of clients, taken in order of the model's predicted effect of
     * its top recommendation, the doubly robust gain over giving nothing when those clients get their
     * recommendation and the rest nothing; with a 95 % interval at each point.
     */
    static List<QiniPoint> qini(PolicyValue pv, Advised advised, int none) {
        int n = advised.top().length;
        Integer[] order = IntStream.range(0, n).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -advised.priority()[i])).toArray(Integer[]::new);
        List<QiniPoint> curve = new ArrayList<>();
        for (int step = 0; step <= QINI_STEPS; step++) {
            double share = step / (double) QINI_STEPS;
            int treated = (int) Math.round(share * n);
            int[] policy = new int[n];
            Arrays.fill(policy, none);
            for (int t = 0; t < treated; t++) {
                policy[order[t]] = advised.top()[order[t]];
            }
            int[] nothing = new int[n];
            Arrays.fill(nothing, none);
            PolicyValue.Estimate gain = pv.difference(policy, nothing);
            curve.add(new QiniPoint(share, gain.value(), gain.lower(), gain.upper()));
        }
        return curve;
    }

    /** The area between the Qini curve and the line of random targeting (from 0 to the full gain), by the trapezoid rule. */
    static double qiniCoefficient(List<QiniPoint> curve) {
        double full = curve.get(curve.size() - 1).gain();
        double area = 0;
        for (int s = 1; s < curve.size(); s++) {
            QiniPoint a = curve.get(s - 1);
            QiniPoint b = curve.get(s);
            double above = (a.gain() - full * a.share() + b.gain() - full * b.share()) / 2;
            area += above * (b.share() - a.share());
        }
        return area;
    }

    private static double[][] select(double[][] values, int[] rows) {
        return Arrays.stream(rows).mapToObj(i -> values[i]).toArray(double[][]::new);
    }

    private static double[] select(double[] values, int[] rows) {
        return Arrays.stream(rows).mapToDouble(i -> values[i]).toArray();
    }
}
