package nl.trede.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.trede.core.causal.ArmEffect;
import nl.trede.core.causal.ArmSummary;
import nl.trede.core.causal.CausalData;
import nl.trede.core.causal.CausalFit;
import nl.trede.core.causal.ClientEffects;
import nl.trede.core.causal.DoublyRobustEstimator;
import nl.trede.core.causal.OutcomeType;
import nl.trede.core.causal.OverlapSummary;
import nl.trede.core.digest.Sha256;

/**
 * {@code estimate-effects}: causal effects of the treatments in a data scientist's own CSV
 * extract, by cross-fitted AIPW and a DR-learner ({@link DoublyRobustEstimator}). Writes a JSON
 * report with the ATE and ATT of every treatment versus the control (95 % intervals, in the
 * outcome's own units), the naive difference beside them and an overlap summary; optionally one
 * row of client-level effects per input row, and the fitted model as JSON.
 *
 * <p>An unusable command line or input gives exit code 2 and one message on stderr naming the
 * column and the data row.
 */
final class EstimateEffectsCommand implements Command {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public String name() {
        return "estimate-effects";
    }

    @Override
    public String summary() {
        return "causal effects of the treatments in your own CSV extract (AIPW, DR-learner)";
    }

    @Override
    public String usage() {
        return """
                usage: estimate-effects --data FILE.csv --treatment COLUMN --outcome COLUMN
                                        [--control VALUE] [--features a,b,c] [--report report.json]
                                        [--predictions effects.csv] [--model model.json] [--seed N] [--folds K]

                  --data         RFC 4180 CSV with a header row
                  --treatment    column holding the treatment each client received (two or more values)
                  --outcome      numeric column: 0/1 (binary) or an amount (continuous); detected automatically
                  --control      the treatment value meaning "no intervention"; default "0" if present,
                                 else NONE or control (any case), else the most frequent value
                  --features     columns to adjust for; default all columns but treatment and outcome,
                                 leaving out columns that look like ids, other outcomes or protected attributes
                  --report       write the JSON report here instead of to stdout
                  --predictions  write per-row client effects (CSV, input order) here
                  --model        write the fitted effect model (JSON) here and print its SHA-256
                  --seed         seed of the cross-fitting folds (default 20260101)
                  --folds        cross-fitting folds (default 5)
                    """;
    }

    @Override
    public Set<String> valued() {
        return Set.of("--data", "--treatment", "--outcome", "--control", "--features", "--report", "--predictions",
                "--model", "--seed", "--folds");
    }

    @Override
    public int execute(Options options, PrintStream out, PrintStream err) throws CommandException, IOException {
        new Execution(Settings.of(options), out, err).execute();
        return 0;
    }

    /** What to estimate, from the command line. */
    record Settings(Path data, String treatment, String outcome, String control, List<String> features,
                    Path report, Path predictions, Path model, long seed, int folds) {

        static Settings of(Options options) throws CommandException {
            Path data = Path.of(options.required("--data"));
            String treatment = options.required("--treatment").trim();
            String outcome = options.required("--outcome").trim();
            List<String> features = null;
            if (options.has("--features")) {
                features = new ArrayList<>();
                for (String f : options.get("--features", "").split(",")) {
                    if (!f.trim().isEmpty()) {
                        features.add(f.trim());
                    }
                }
                if (features.isEmpty()) {
                    throw new CommandException("--features lists no columns", true);
                }
            }
            DoublyRobustEstimator.Settings defaults = DoublyRobustEstimator.Settings.defaults();
            long seed = options.getLong("--seed", defaults.seed());
            long folds = options.getLong("--folds", defaults.folds());
            if (folds < 2 || folds > 20) {
                throw new CommandException("--folds must be between 2 and 20", true);
            }
            return new Settings(data, treatment, outcome, options.get("--control", null), features,
                    path(options, "--report"), path(options, "--predictions"), path(options, "--model"), seed, (int) folds);
        }

        private static Path path(Options options, String name) {
            return options.has(name) ? Path.of(options.get(name, null)) : null;
        }
    }

    /** One run: read, validate, encode, fit, write. */
    private static final class Execution {

        private final Settings options;
        private final PrintStream out;
        /** The human-readable summary goes to stdout, unless the JSON report does. */
        private final PrintStream summary;

        Execution(Settings options, PrintStream out, PrintStream err) {
            this.options = options;
            this.out = out;
            this.summary = options.report() == null ? err : out;
        }

        void execute() throws CommandException, IOException {
            long started = System.nanoTime();
            CsvTable table = readTable();
            int treatmentColumn = requireColumn(table, options.treatment(), "--treatment");
            int outcomeColumn = requireColumn(table, options.outcome(), "--outcome");
            if (treatmentColumn == outcomeColumn) {
                throw new CommandException("--treatment and --outcome name the same column '" + options.treatment() + "'");
            }
            List<Integer> featureColumns = featureColumns(table, treatmentColumn, outcomeColumn);

            String[] treatmentValues = new String[table.size()];
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (int r = 0; r < table.size(); r++) {
                String value = table.cell(r, treatmentColumn).trim();
                if (value.isEmpty()) {
                    throw new CommandException("treatment column '" + options.treatment() + "' is empty in " + table.where(r));
                }
                treatmentValues[r] = value;
                counts.merge(value, 1, Integer::sum);
            }
            if (counts.size() < 2) {
                throw new CommandException("treatment column '" + options.treatment() + "' has only one value ('"
                        + treatmentValues[0] + "'); effects need a control and at least one treatment");
            }
            String[] controlChoice = chooseControl(counts);
            String control = controlChoice[0];
            List<String> arms = new ArrayList<>();
            arms.add(control);
            counts.keySet().stream().filter(v -> !v.equals(control)).sorted(armOrder()).forEach(arms::add);
            int minimum = settings().minimumArmSize();
            for (String arm : arms) {
                if (counts.get(arm) < minimum) {
                    throw new CommandException("treatment column '" + options.treatment() + "': value '" + arm + "' has only "
                            + counts.get(arm) + " rows; at least " + minimum + " are needed to estimate its effect");
                }
            }
            int[] treatment = new int[table.size()];
            for (int r = 0; r < table.size(); r++) {
                treatment[r] = arms.indexOf(treatmentValues[r]);
            }
            double[] outcome = new double[table.size()];
            for (int r = 0; r < table.size(); r++) {
                String cell = table.cell(r, outcomeColumn);
                if (CsvDesign.isMissing(cell)) {
                    throw new CommandException("outcome column '" + options.outcome() + "' is missing in " + table.where(r)
                            + "; remove or fill rows without an outcome");
                }
                if (!CsvDesign.isNumber(cell)) {
                    throw new CommandException("outcome column '" + options.outcome() + "' has the non-numeric value '"
                            + cell.trim() + "' in " + table.where(r));
                }
                outcome[r] = Double.parseDouble(cell.trim());
            }

            CsvDesign design = CsvDesign.encode(table, featureColumns);
            CausalData data = new CausalData(design.features, design.names, treatment, outcome, arms);
            summary.printf(Locale.ROOT, "control: '%s' (%s)%n", control, controlChoice[1]);
            CausalFit fit = new DoublyRobustEstimator(settings()).fitWithTerms(data, design.termCandidates());
            double seconds = (System.nanoTime() - started) / 1e9;

            ObjectNode report = report(fit, data, design, controlChoice, seconds);
            if (options.report() == null) {
                out.println(JSON.writeValueAsString(report));
            } else {
                write(options.report(), "--report", w -> w.write(JSON.writeValueAsString(report) + "\n"));
            }
            if (options.predictions() != null) {
                write(options.predictions(), "--predictions", w -> writePredictions(w, fit, data));
            }
            if (options.model() != null) {
                Map<String, String> provenance = new LinkedHashMap<>();
                provenance.put("data", options.data().toString());
                provenance.put("dataSha256", report.get("dataSha256").asText());
                provenance.put("treatmentColumn", options.treatment());
                provenance.put("outcomeColumn", options.outcome());
                provenance.put("encoding", JSON.writeValueAsString(design.columns));
                try {
                    String sha = fit.model().withProvenance(provenance).save(options.model());
                    summary.printf("model written to %s (SHA-256 %s)%n", options.model(), sha);
                } catch (IOException e) {
                    throw new CommandException("cannot write --model " + options.model() + ": " + e.getMessage());
                }
            }
            printSummary(fit, data, design, seconds);
        }

        private DoublyRobustEstimator.Settings settings() {
            return DoublyRobustEstimator.Settings.defaults().withSeed(options.seed()).withFolds(options.folds());
        }

        private CsvTable readTable() throws CommandException, IOException {
            Path file = options.data();
            if (Files.isDirectory(file)) {
                throw new CommandException("--data " + file + " is a directory, not a CSV file");
            }
            try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                return CsvTable.read(reader);
            } catch (NoSuchFileException e) {
                throw new CommandException("--data file not found: " + file);
            } catch (MalformedInputException e) {
                throw new CommandException("--data " + file + " is not UTF-8 text");
            } catch (IOException e) {
                throw new CommandException("cannot read --data " + file + ": " + e.getMessage());
            }
        }

        private static int requireColumn(CsvTable table, String name, String option) throws CommandException {
            int column = table.column(name);
            if (column < 0) {
                throw new CommandException(option + " column '" + name + "' is not in the header; columns are "
                        + String.join(", ", table.header()));
            }
            return column;
        }

        /** Columns left out of the default features, with the reason: an id or another outcome would leak. */
        private final Map<String, String> leftOut = new LinkedHashMap<>();

        private List<Integer> featureColumns(CsvTable table, int treatmentColumn, int outcomeColumn)
                throws CommandException {
            List<Integer> columns = new ArrayList<>();
            if (options.features() == null) {
                for (int c = 0; c < table.header().size(); c++) {
                    if (c == treatmentColumn || c == outcomeColumn) {
                        continue;
                    }
                    String why = LeakingColumns.reason(table, c, table.header().get(outcomeColumn));
                    if (why == null) {
                        columns.add(c);
                    } else {
                        leftOut.put(table.header().get(c), why);
                    }
                }
                if (columns.isEmpty()) {
                    throw new CommandException("no usable feature columns: " + leftOut + "; name them with --features");
                }
                return columns;
            }
            for (String name : options.features()) {
                int c = requireColumn(table, name, "--features");
                if (c == treatmentColumn || c == outcomeColumn) {
                    throw new CommandException("--features column '" + name + "' is the treatment or the outcome");
                }
                if (!columns.contains(c)) {
                    columns.add(c);
                }
            }
            return columns;
        }

        /** The control value and how it was chosen. */
        private String[] chooseControl(Map<String, Integer> counts) throws CommandException {
            if (options.control() != null) {
                String given = options.control().trim();
                if (!counts.containsKey(given)) {
                    throw new CommandException("--control value '" + given + "' does not occur in treatment column '"
                            + options.treatment() + "'; its values are " + String.join(", ", counts.keySet()));
                }
                return new String[] {given, "given with --control"};
            }
            if (counts.containsKey("0")) {
                return new String[] {"0", "default: the value 0"};
            }
            for (String name : List.of("none", "control")) {
                for (String value : counts.keySet()) {
                    if (value.equalsIgnoreCase(name)) {
                        return new String[] {value, "default: the value " + value};
                    }
                }
            }
            String mostFrequent = counts.entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                    .orElseThrow().getKey();
            return new String[] {mostFrequent, "default: the most frequent value; use --control to choose another"};
        }

        /** Numbers in numeric order, otherwise text order. */
        private static Comparator<String> armOrder() {
            return (a, b) -> CsvDesign.isNumber(a) && CsvDesign.isNumber(b)
                    ? Double.compare(Double.parseDouble(a), Double.parseDouble(b)) : a.compareTo(b);
        }

        private ObjectNode report(CausalFit fit, CausalData data, CsvDesign design, String[] controlChoice,
                                  double seconds) throws IOException {
            ObjectNode report = JSON.createObjectNode();
            report.put("data", options.data().toString());
            report.put("dataSha256", Sha256.hex(options.data()));
            report.put("treatmentColumn", options.treatment());
            report.put("control", controlChoice[0]);
            report.put("controlChosenBy", controlChoice[1]);
            report.put("outcome", options.outcome());
            report.put("outcomeType", fit.outcomeType().label());
            report.put("effectUnits", fit.outcomeType() == OutcomeType.BINARY
                    ? "difference in probability (0.05 = 5 percentage points)" : "units of the outcome column");
            report.put("n", data.size());
            ArrayNode arms = report.putArray("arms");
            for (ArmSummary arm : fit.arms()) {
                ObjectNode node = arms.addObject();
                node.put("treatment", arm.treatment());
                node.put("n", arm.n());
                number(node, "ate", arm.ate());
                number(node, "ateLower", arm.ateLower());
                number(node, "ateUpper", arm.ateUpper());
                number(node, "ateSe", arm.ateSe());
                number(node, "att", arm.att());
                number(node, "attLower", arm.attLower());
                number(node, "attUpper", arm.attUpper());
                number(node, "attSe", arm.attSe());
                number(node, "naiveDifference", arm.naiveDifference());
                number(node, "naiveLower", arm.naiveLower());
                number(node, "naiveUpper", arm.naiveUpper());
                number(node, "offSupportShare", arm.offSupportShare());
            }
            ObjectNode overlap = report.putObject("overlap");
            DoublyRobustEstimator.Settings s = settings();
            overlap.put("propensityClip", fit.overlap().propensityClip());
            overlap.put("supportRule", String.format(Locale.ROOT, "a client is off support for a treatment when its"
                    + " estimated propensity for that treatment or for the control is below max(%s, %s x that value's"
                    + " share), or a feature lies outside the range seen among clients who got it",
                    s.supportAbsolute(), s.supportRelative()));
            ArrayNode overlapArms = overlap.putArray("arms");
            for (OverlapSummary.ArmOverlap arm : fit.overlap().arms()) {
                ObjectNode node = overlapArms.addObject();
                node.put("treatment", arm.treatment());
                number(node, "share", arm.share());
                number(node, "threshold", arm.threshold());
                node.put("offSupportCount", arm.offSupportCount());
                number(node, "offSupportShare", arm.offSupportShare());
                quantiles(node.putObject("propensityAllClients"), arm.allClients());
                quantiles(node.putObject("propensityOwnClients"), arm.armClients());
            }
            ObjectNode method = report.putObject("method");
            method.put("estimator", "cross-fitted AIPW (ATE, ATT) and DR-learner with a ridge final stage on every feature, "
                    + "plus the threshold and interaction terms a search on held-out folds keeps (TermSearch)");
            ArrayNode terms = method.putArray("finalStageTerms");
            fit.model().state().effectTerms().forEach(t -> terms.add(design.describe(t)));
            method.put("termSearch", fit.model().state().provenance().get("effectTerms"));
            method.put("folds", s.folds());
            method.put("seed", s.seed());
            method.put("intervals", "95 %, from the influence function (ATE, ATT) and an HC0 sandwich (client level)");
            method.put("seconds", Math.round(seconds * 100) / 100.0);
            report.set("features", JSON.valueToTree(design.columns));
            report.set("leftOutColumns", JSON.valueToTree(leftOut));
            return report;
        }

        private static void quantiles(ObjectNode node, OverlapSummary.Quantiles q) {
            number(node, "min", q.min());
            number(node, "p01", q.p01());
            number(node, "p05", q.p05());
            number(node, "p25", q.p25());
            number(node, "median", q.median());
            number(node, "p75", q.p75());
            number(node, "p95", q.p95());
            number(node, "p99", q.p99());
            number(node, "max", q.max());
        }

        private static void number(ObjectNode node, String field, double value) {
            if (Double.isFinite(value)) {
                node.put(field, Numbers.round(value));
            } else {
                node.putNull(field);
            }
        }

        private void writePredictions(Writer w, CausalFit fit, CausalData data) throws IOException {
            List<String> names = data.armNames();
            List<String> header = new ArrayList<>(List.of("row"));
            for (String arm : names.subList(1, names.size())) {
                header.addAll(List.of("effect_" + arm, "effect_" + arm + "_lower", "effect_" + arm + "_upper",
                        "effect_" + arm + "_support"));
            }
            header.addAll(List.of("best", "tied_with_best"));
            writeCsvRow(w, header);
            for (int i = 0; i < data.size(); i++) {
                ClientEffects effects = fit.model().predict(data.features()[i]);
                List<String> row = new ArrayList<>();
                row.add(Integer.toString(i + 1));
                for (ArmEffect e : effects.effects()) {
                    row.add(Numbers.format(e.estimate()));
                    row.add(Numbers.format(e.lower()));
                    row.add(Numbers.format(e.upper()));
                    row.add(e.onSupport() ? "yes" : "no: not enough comparable history; " + e.supportNote());
                }
                List<Integer> best = effects.bestAndTied();
                row.add(names.get(best.get(0)));
                row.add(String.join(";", best.subList(1, best.size()).stream().map(names::get).toList()));
                writeCsvRow(w, row);
            }
        }

        private static void writeCsvRow(Writer w, List<String> fields) throws IOException {
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    w.write(',');
                }
                String f = fields.get(i);
                if (f.contains(",") || f.contains("\"") || f.contains("\n") || f.contains("\r")) {
                    w.write('"' + f.replace("\"", "\"\"") + '"');
                } else {
                    w.write(f);
                }
            }
            w.write("\r\n");
        }

        private interface Body {
            void writeTo(Writer w) throws IOException;
        }

        private static void write(Path file, String option, Body body) throws CommandException {
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                body.writeTo(w);
            } catch (IOException e) {
                throw new CommandException("cannot write " + option + " " + file + ": " + e);
            }
        }

        private void printSummary(CausalFit fit, CausalData data, CsvDesign design, double seconds) {
            summary.printf(Locale.ROOT, "%d rows, outcome '%s' (%s), %d features after encoding, %.1f s%n",
                    data.size(), options.outcome(), fit.outcomeType().label(), data.featureNames().size(), seconds);
            summary.printf(Locale.ROOT, "%-20s %8s %34s %34s %10s %9s%n", "treatment", "n", "ATE [95% CI]",
                    "ATT [95% CI]", "naive", "off-supp");
            for (ArmSummary a : fit.arms()) {
                summary.printf(Locale.ROOT, "%-20s %8d %34s %34s %10s %8.1f%%%n", a.treatment(), a.n(),
                        Numbers.format(a.ate()) + " [" + Numbers.format(a.ateLower()) + ", " + Numbers.format(a.ateUpper()) + "]",
                        Numbers.format(a.att()) + " [" + Numbers.format(a.attLower()) + ", " + Numbers.format(a.attUpper()) + "]",
                        Numbers.format(a.naiveDifference()), 100 * a.offSupportShare());
            }
            leftOut.forEach((column, why) -> summary.printf("column '%s' left out of the features: %s (name it with --features to use it)%n",
                    column, why));
            List<String> terms = fit.model().state().effectTerms().stream().map(design::describe).toList();
            summary.println("threshold and interaction terms in the client-level effects: "
                    + (terms.isEmpty() ? "none kept" : String.join("; ", terms)));
            if (options.report() != null) {
                summary.println("report written to " + options.report());
            }
            if (options.predictions() != null) {
                summary.println("client effects written to " + options.predictions());
            }
        }
    }
}
