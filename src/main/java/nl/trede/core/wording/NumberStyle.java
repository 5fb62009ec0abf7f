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

    private static final long[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

    /** As {@code %.Nf}: "0,90". */
    public String fixed(double value, int decimals) {
        double magnitude = Math.abs(value);
        String quick = decimals < POWERS_OF_TEN.length ? quickPlain(magnitude, decimals) : null;
        String plain = quick != null ? quick
                : BigDecimal.valueOf(magnitude).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
        // A negative number that rounds to zero keeps its sign, as in Formatter.
        String signed = Math.copySign(1.0, value) < 0 ? "-" + plain : plain;
        return decimalSeparator == '.' ? signed : signed.replace('.', decimalSeparator);
    }

    /**
     * The digits of a non-negative number without its shortest decimal form, which costs most of a
     * sentence's time (JFR of bench/jmh.sh): below 10^9 units the product {@code magnitude x 10^N} is
     * within 10^-7 of the shortest form's, so away from a half it rounds the same way (half-up).
     * Near a half, or beyond, nothing.
     */
    private static String quickPlain(double magnitude, int decimals) {
        long unit = POWERS_OF_TEN[decimals];
        double scaled = magnitude * unit;
        if (!(scaled < 1e9)) {
            return null;
        }
        double whole = Math.floor(scaled);
        double fraction = scaled - whole;
        if (Math.abs(fraction - 0.5) < 1e-6) {
            return null;
        }
        long units = (long) whole + (fraction > 0.5 ? 1 : 0);
        StringBuilder out = new StringBuilder(16).append(units / unit);
        if (decimals > 0) {
            String digits = Long.toString(units % unit);
            out.append('.').append("0".repeat(decimals - digits.length())).append(digits);
        }
        return out.toString();
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
