package nl.trede.core.wording;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers in the advice's sentences, written as {@link java.util.Formatter} writes them for Dutch
 * ({@code nl-NL}) or English ({@code Locale.ROOT}), at a fraction of its cost: a Formatter parses
 * its pattern and looks up the locale's symbols on every call, which made the wording of ten
 * effects most of the advice's time (JFR of bench/jmh.sh). Rounding is half-up on the shortest
 * decimal form of the double, as Formatter rounds.
 */
public enum NumberStyle {
    DUTCH(',', '.'),
    ENGLISH('.', ',');

    private final char decimalSeparator;
    private final char groupingSeparator;

    NumberStyle(char decimalSeparator, char groupingSeparator) {
        this.decimalSeparator = decimalSeparator;
        this.groupingSeparator = groupingSeparator;
    }

    /** As {@code %.Nf}: "0,90". */
    public String fixed(double value, int decimals) {
        String plain = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
        if (Math.copySign(1.0, value) < 0 && plain.charAt(0) != '-') {
            plain = "-" + plain; // a negative number that rounds to zero keeps its sign, as in Formatter
        }
        return decimalSeparator == '.' ? plain : plain.replace('.', decimalSeparator);
    }

    /** As {@code %+.Nf}: "+1,5", "-0,3". */
    public String signed(double value, int decimals) {
        String fixed = fixed(value, decimals);
        return fixed.startsWith("-") ? fixed : "+" + fixed;
    }

    /** As {@code %,d}: "12.345". */
    public String grouped(long value) {
        String digits = value < 0 ? Long.toString(value).substring(1) : Long.toString(value);
        StringBuilder out = new StringBuilder(digits.length() + digits.length() / 3 + 1);
        if (value < 0) {
            out.append('-');
        }
        int lead = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        out.append(digits, 0, lead);
        for (int i = lead; i < digits.length(); i += 3) {
            out.append(groupingSeparator).append(digits, i, i + 3);
        }
        return out.toString();
    }
}
