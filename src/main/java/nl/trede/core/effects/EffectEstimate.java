package nl.trede.core.effects;

import nl.trede.core.causal.EffectSource;
import nl.trede.core.wording.Rationale;

/**
 * The expected effect of one intervention for one client at one horizon, in percentage points on
 * P(paid work): {@code P(work | do(k)) - P(work | do(NONE))}, with a 95 % interval.
 *
 * <p>When {@code comparableHistory} is false, no comparable client received the intervention and
 * the numbers are not to be shown as an estimate.
 *
 * @param priorShare how much of the estimate is prior (1 = all prior, 0 = all data)
 * @param rationale  what drives this client's effect, in Dutch with English alongside
 */
public record EffectEstimate(
        double pointEstimate,
        double lower,
        double upper,
        int horizonMonths,
        EffectSource source,
        double priorShare,
        boolean comparableHistory,
        Rationale rationale) {
}
