package nl.trede.overriderates;

import static org.junit.jupiter.api.Assertions.assertEquals;

import nl.trede.overriderates.OverrideRates.Signal;
import org.junit.jupiter.api.Test;

/** The documented bands: at least 50 decisions; under 2 % rubber-stamping; over 50 % advice not trusted. */
class OverrideSignalTest {

    @Test
    void theBandsAsDocumented() {
        assertEquals(Signal.TOO_FEW_DECISIONS, Signal.of(49, 0.0));
        assertEquals(Signal.RUBBER_STAMPING, Signal.of(50, 0.0));
        assertEquals(Signal.RUBBER_STAMPING, Signal.of(200, 0.019));
        assertEquals(Signal.WITHIN_BANDS, Signal.of(50, 0.02));
        assertEquals(Signal.WITHIN_BANDS, Signal.of(50, 0.5));
        assertEquals(Signal.ADVICE_NOT_TRUSTED, Signal.of(50, 0.52));
    }
}
