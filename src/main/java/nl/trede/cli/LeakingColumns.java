package nl.trede.cli;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Columns of a data scientist's extract that must not become features by default: ids (they let a
 * model memorise clients and say nothing causal) and other outcomes (measured after the treatment,
 * so adjusting for them biases the effect). {@code estimate-effects} leaves them out unless they are
 * named with {@code --features}. Protected attributes (gender, migration background, …) are left out
 * by default too: they never enter a model.
 */
final class LeakingColumns {

    private static final Pattern ID_NAME = Pattern.compile(
            "(?i)(^|[_\\-. ])(id|ids|bsn|key|uuid|guid)$|^(id|bsn)([_\\-. ]|$)|(?i).*(nummer|number|identifier)$|^[a-z]+Id$");
    private static final Pattern PROTECTED_NAME = Pattern.compile(
            "(?i).*(gender|geslacht|sex|migration|migratie|ethnic|etnic|nationalit|religi|afkomst|herkomst).*");
    private static final Pattern OUTCOME_NAME = Pattern.compile(
            "(?i).*(outcome|uitkomst|result|resultaat|worked|werk_na|followup|follow_up|after|later|na_\\d+).*");

    private LeakingColumns() {
    }

    /** Why the column would leak, or null when it is an ordinary feature. */
    static String reason(CsvTable table, int column, String outcomeName) {
        String name = table.header().get(column).trim();
        if (ID_NAME.matcher(name).matches()) {
            return "its name looks like an id";
        }
        if (PROTECTED_NAME.matcher(name).matches()) {
            return "its name looks like a protected attribute, which never enters a model";
        }
        String stem = outcomeName.replaceAll("\\d+", "").toLowerCase(Locale.ROOT);
        if (!stem.isEmpty() && name.replaceAll("\\d+", "").toLowerCase(Locale.ROOT).equals(stem)) {
            return "its name is the outcome's with other digits: another outcome";
        }
        if (OUTCOME_NAME.matcher(name).matches()) {
            return "its name looks like an outcome";
        }
        if (table.size() >= 50 && everyValueDistinct(table, column)) {
            return "every value is distinct: it looks like an id";
        }
        return null;
    }

    /** Distinct non-numeric text, or distinct whole numbers: a key rather than a measurement. */
    private static boolean everyValueDistinct(CsvTable table, int column) {
        Set<String> seen = new HashSet<>();
        boolean fractional = false;
        for (int r = 0; r < table.size(); r++) {
            String cell = table.cell(r, column).trim();
            if (!seen.add(cell)) {
                return false;
            }
            fractional |= CsvDesign.isNumber(cell) && cell.contains(".");
        }
        return !fractional;
    }
}
