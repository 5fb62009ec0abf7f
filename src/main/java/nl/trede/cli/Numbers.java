package nl.trede.cli;

import java.math.BigDecimal;
import java.math.MathContext;

/** Six significant digits for reports: enough for any effect, without false precision. */
final class Numbers {

    private static final MathContext SIX = new MathContext(6);

    private Numbers() {
    }

    static double round(double value) {
        return new BigDecimal(value).round(SIX).doubleValue();
    }

    /** Plain decimal text, or empty for NaN and infinities. */
    static String format(double value) {
        return Double.isFinite(value) ? new BigDecimal(value).round(SIX).stripTrailingZeros().toPlainString() : "";
    }
}
