package nl.trede.core.wording;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The advice's numbers read exactly as java.util.Formatter writes them, in Dutch and in English. */
class NumberStyleTest {

    private static final Locale NL = Locale.forLanguageTag("nl-NL");

    @Property(tries = 5000)
    void fixedAndSignedNumbersAreFormattersOwn(@ForAll @DoubleRange(min = -1000, max = 1000) double value,
                                              @ForAll @IntRange(min = 0, max = 4) int decimals) {
        assertEquals(String.format(NL, "%." + decimals + "f", value), NumberStyle.DUTCH.fixed(value, decimals));
        assertEquals(String.format(Locale.ROOT, "%." + decimals + "f", value), NumberStyle.ENGLISH.fixed(value, decimals));
        assertEquals(String.format(NL, "%+." + decimals + "f", value), NumberStyle.DUTCH.signed(value, decimals));
        assertEquals(String.format(Locale.ROOT, "%+." + decimals + "f", value), NumberStyle.ENGLISH.signed(value, decimals));
    }

    @Property(tries = 5000)
    void largeNumbersAndManyDecimalsAreFormattersOwn(@ForAll @DoubleRange(min = -2e9, max = 2e9) double value,
                                                    @ForAll @IntRange(min = 0, max = 7) int decimals) {
        assertEquals(String.format(NL, "%." + decimals + "f", value), NumberStyle.DUTCH.fixed(value, decimals));
        assertEquals(String.format(Locale.ROOT, "%." + decimals + "f", value), NumberStyle.ENGLISH.fixed(value, decimals));
    }

    /** Where a shortcut would go wrong first: on and a hair beside the halves of the last decimal. */
    @Property(tries = 5000)
    void numbersAtAndBesideAHalfAreFormattersOwn(@ForAll @IntRange(min = -2_000_000, max = 2_000_000) int units,
                                                @ForAll @IntRange(min = 0, max = 4) int decimals,
                                                @ForAll @IntRange(min = -3, max = 3) int ulps) {
        double value = (units + 0.5) / Math.pow(10, decimals);
        for (int i = 0; i < Math.abs(ulps); i++) {
            value = ulps > 0 ? Math.nextUp(value) : Math.nextDown(value);
        }
        assertEquals(String.format(Locale.ROOT, "%." + decimals + "f", value), NumberStyle.ENGLISH.fixed(value, decimals));
        assertEquals(String.format(NL, "%+." + decimals + "f", value), NumberStyle.DUTCH.signed(value, decimals));
    }

    @Property(tries = 2000)
    void groupedNumbersAreFormattersOwn(@ForAll long value) {
        assertEquals(String.format(NL, "%,d", value), NumberStyle.DUTCH.grouped(value));
        assertEquals(String.format(Locale.ROOT, "%,d", value), NumberStyle.ENGLISH.grouped(value));
    }

    @Test
    void halvesRoundAwayFromZeroAsInTheSentences() {
        assertEquals("+0,3", NumberStyle.DUTCH.signed(0.25, 1));
        assertEquals("-0,3", NumberStyle.DUTCH.signed(-0.25, 1));
        assertEquals("-0,0", NumberStyle.DUTCH.signed(-0.04, 1));
        assertEquals("12.345", NumberStyle.DUTCH.grouped(12_345));
        assertEquals("1,234,567", NumberStyle.ENGLISH.grouped(1_234_567));
    }
}
