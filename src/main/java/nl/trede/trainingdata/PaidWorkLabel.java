package nl.trede.trainingdata;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import nl.trede.outcome.OutcomeStatus;

/**
 * The one definition of the labels the learners train on: "paid work within 12 months" and
 * "within 24 months" of a decision. An outcome says where the client was on the day it was
 * observed. Paid work is a regular job, full or part time; subsidised work is not, because with a
 * wage subsidy the intervention itself would count as its own success.
 *
 * <ul>
 *   <li>{@code true}: an outcome of paid work observed from the decision day up to the horizon.</li>
 *   <li>{@code false}: none, and the client was observed again on or after the horizon, so we know
 *   the horizon passed without paid work being reported.</li>
 *   <li>no label, {@link Status#HORIZON_NOT_REACHED}: the horizon lies in the future. Censored,
 *   never "no work".</li>
 *   <li>no label, {@link Status#NO_FOLLOW_UP}: the horizon passed but nothing was observed since;
 *   whether the client worked is unknown.</li>
 * </ul>
 */
public record PaidWorkLabel(Boolean worked, Status status) {

    public enum Status { OBSERVED, HORIZON_NOT_REACHED, NO_FOLLOW_UP }

    static final Set<OutcomeStatus> PAID_WORK = Set.of(OutcomeStatus.PAID_WORK, OutcomeStatus.PARTIAL_WORK);

    /** Where the client was on a day. */
    public record Observation(LocalDate observedOn, OutcomeStatus status) {
    }

    public static PaidWorkLabel within(int months, LocalDate decidedOn, List<Observation> observations, LocalDate today) {
        LocalDate horizon = decidedOn.plusMonths(months);
        boolean worked = observations.stream().anyMatch(o -> PAID_WORK.contains(o.status())
                && !o.observedOn().isBefore(decidedOn) && !o.observedOn().isAfter(horizon));
        if (worked) {
            return new PaidWorkLabel(true, Status.OBSERVED);
        }
        if (today.isBefore(horizon)) {
            return new PaidWorkLabel(null, Status.HORIZON_NOT_REACHED);
        }
        boolean seenSince = observations.stream().anyMatch(o -> !o.observedOn().isBefore(horizon));
        return seenSince ? new PaidWorkLabel(false, Status.OBSERVED) : new PaidWorkLabel(null, Status.NO_FOLLOW_UP);
    }
}
