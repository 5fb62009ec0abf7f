package nl.trede.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import nl.trede.core.causal.EffectTerm;
import nl.trede.core.causal.TermSearch;

/**
 * Turns the feature columns of a data scientist's CSV extract into a numeric design, whatever the
 * columns are. A column whose every non-missing cell is a plain decimal number is numeric; missing
 * cells get the column mean plus a {@code <column>_missing} indicator. Any other column is
 * categorical and one-hot encoded against its most frequent level, with missing as a level of its
 * own; beyond {@value #MAX_LEVELS} levels the rarest are pooled as "(other)". Missing means an
 * empty cell or NA, N/A, NaN, NULL (any case).
 *
 * <p>This is deliberately separate from the service's feature encoder: it knows nothing of intake
 * profiles and serves arbitrary extracts.
 */
final class CsvDesign {

    static final int MAX_LEVELS = 30;
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final String MISSING_LEVEL = "(missing)";
    private static final String MISSING_SUFFIX = "_missing";
    private static final String OTHER_LEVEL = "(other)";

    final double[][] features;
    final List<String> names = new ArrayList<>();
    /** How each source column was encoded, for the report. */
    final List<Map<String, Object>> columns = new ArrayList<>();

    private CsvDesign(int rows) {
        this.features = new double[rows][];
    }

    static boolean isMissing(String cell) {
        String t = cell.trim().toLowerCase(Locale.ROOT);
        return t.isEmpty() || t.equals("na") || t.equals("n/a") || t.equals("nan") || t.equals("null");
    }

    /** A plain decimal number that fits in a double (so "1e999" is not one). */
    static boolean isNumber(String cell) {
        String t = cell.trim();
        return NUMBER.matcher(t).matches() && Double.isFinite(Double.parseDouble(t));
    }

    static CsvDesign encode(CsvTable table, List<Integer> featureColumns) {
        int n = table.size();
        CsvDesign design = new CsvDesign(n);
        List<double[]> encoded = new ArrayList<>();
        for (int column : featureColumns) {
            String name = table.header().get(column);
            boolean numeric = true;
            int missing = 0;
            for (int r = 0; r < n && numeric; r++) {
                String cell = table.cell(r, column);
                if (isMissing(cell)) {
                    missing++;
                } else {
                    numeric = isNumber(cell);
                }
            }
            Map<String, Object> description = new LinkedHashMap<>();
            description.put("column", name);
            if (numeric) {
                design.encodeNumeric(table, column, name, encoded, description);
            } else {
                design.encodeCategorical(table, column, name, encoded, description);
            }
            design.columns.add(description);
        }
        for (int r = 0; r < n; r++) {
            double[] row = new double[encoded.size()];
            for (int c = 0; c < row.length; c++) {
                row[c] = encoded.get(c)[r];
            }
            design.features[r] = row;
        }
        return design;
    }

    private void encodeNumeric(CsvTable table, int column, String name, List<double[]> encoded,
                               Map<String, Object> description) {
        int n = table.size();
        double[] values = new double[n];
        double[] indicator = new double[n];
        double sum = 0;
        int present = 0;
        for (int r = 0; r < n; r++) {
            String cell = table.cell(r, column);
            if (isMissing(cell)) {
                indicator[r] = 1;
            } else {
                values[r] = Double.parseDouble(cell.trim());
                sum += values[r];
                present++;
            }
        }
        description.put("type", "numeric");
        description.put("missing", n - present);
        if (present == 0) {
            description.put("encoding", "dropped: every cell is missing");
            return;
        }
        double mean = sum / present;
        for (int r = 0; r < n; r++) {
            if (indicator[r] == 1) {
                values[r] = mean;
            }
        }
        encoded.add(values);
        names.add(name);
        if (present < n) {
            encoded.add(indicator);
            names.add(name + MISSING_SUFFIX);
            description.put("encoding", "missing cells set to the mean " + Numbers.format(mean) + ", plus indicator " + name + MISSING_SUFFIX);
        } else {
            description.put("encoding", "as is");
        }
    }

    private void encodeCategorical(CsvTable table, int column, String name, List<double[]> encoded,
                                   Map<String, Object> description) {
        int n = table.size();
        String[] level = new String[n];
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int r = 0; r < n; r++) {
            String cell = table.cell(r, column);
            level[r] = isMissing(cell) ? MISSING_LEVEL : cell.trim();
            counts.merge(level[r], 1, Integer::sum);
        }
        List<String> levels = new ArrayList<>(counts.keySet());
        levels.sort(Comparator.comparing((String l) -> -counts.get(l)).thenComparing(Comparator.naturalOrder()));
        int missing = counts.getOrDefault(MISSING_LEVEL, 0);
        if (levels.size() > MAX_LEVELS) {
            List<String> kept = new ArrayList<>(levels.subList(0, MAX_LEVELS - 1));
            for (int r = 0; r < n; r++) {
                if (!kept.contains(level[r])) {
                    level[r] = OTHER_LEVEL;
                }
            }
            kept.add(OTHER_LEVEL);
            description.put("pooled", (levels.size() - MAX_LEVELS + 1) + " rarest levels pooled as " + OTHER_LEVEL);
            levels = kept;
        }
        description.put("type", "categorical");
        description.put("missing", missing);
        description.put("reference", levels.get(0));
        description.put("levels", levels);
        for (String l : levels.subList(1, levels.size())) {
            double[] values = new double[n];
            for (int r = 0; r < n; r++) {
                values[r] = l.equals(level[r]) ? 1 : 0;
            }
            encoded.add(values);
            names.add(name + "=" + l);
        }
        description.put("encoding", levels.size() == 1 ? "dropped: a single level" : "one-hot against the most frequent level");
    }

    /**
     * The columns the final stage's term search may cut: every encoded column but the missing
     * indicators, each with its own indicator where it has one (a mean-filled cell is no value to cut at).
     */
    List<TermSearch.Candidate> termCandidates() {
        List<TermSearch.Candidate> candidates = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            if (!names.get(c).endsWith(MISSING_SUFFIX)) {
                candidates.add(new TermSearch.Candidate(c, names.indexOf(names.get(c) + MISSING_SUFFIX)));
            }
        }
        return candidates;
    }

    /** A term in the extract's own column names: "months >= 36 and licence=yes < 0.5". */
    String describe(EffectTerm term) {
        List<String> parts = new ArrayList<>();
        for (EffectTerm.Condition c : term.conditions()) {
            parts.add(names.get(c.column()) + (c.atLeast() ? " >= " : " < ") + Numbers.format(c.cut()));
        }
        return String.join(" and ", parts);
    }
}
