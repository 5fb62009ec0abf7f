package nl.trede.trainingdata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import nl.trede.outcome.OutcomeStatus;
import nl.trede.trainingdata.PaidWorkLabel.Observation;
import nl.trede.trainingdata.PaidWorkLabel.Status;
import org.junit.jupiter.api.Test;

class PaidWorkLabelTest {

    private static final LocalDate DECIDED = LocalDate.of(2025, 3, 10);
    private static final LocalDate LONG_AFTER = LocalDate.of(2028, 1, 1);

    private static PaidWorkLabel within12(LocalDate today, Observation... observations) {
        return PaidWorkLabel.within(12, DECIDED, List.of(observations), today);
    }

    @Test
    void paidWorkOnOrBeforeTheHorizonCountsEvenBeforeTheHorizonHasPassed() {
        assertEquals(new PaidWorkLabel(true, Status.OBSERVED),
                within12(LocalDate.of(2025, 6, 1), new Observation(LocalDate.of(2025, 5, 20), OutcomeStatus.PARTIAL_WORK)));
        assertEquals(new PaidWorkLabel(true, Status.OBSERVED),
                within12(LONG_AFTER, new Observation(LocalDate.of(2026, 3, 10), OutcomeStatus.PAID_WORK)));
    }

    @Test
    void beforeTheHorizonWithoutWorkTheLabelIsCensoredNotNoWork() {
        assertEquals(new PaidWorkLabel(null, Status.HORIZON_NOT_REACHED),
                within12(LocalDate.of(2026, 3, 9), new Observation(LocalDate.of(2025, 9, 1), OutcomeStatus.NO_CHANGE)));
    }

    @Test
    void noWorkNeedsAnObservationOnOrAfterTheHorizon() {
        assertEquals(new PaidWorkLabel(false, Status.OBSERVED),
                within12(LONG_AFTER, new Observation(LocalDate.of(2026, 3, 10), OutcomeStatus.NO_CHANGE)));
        assertEquals(new PaidWorkLabel(false, Status.OBSERVED), within12(LONG_AFTER,
                new Observation(LocalDate.of(2026, 3, 11), OutcomeStatus.PAID_WORK)), "work after the horizon is not within it");
        assertEquals(new PaidWorkLabel(null, Status.NO_FOLLOW_UP),
                within12(LONG_AFTER, new Observation(LocalDate.of(2025, 9, 1), OutcomeStatus.NO_CHANGE)));
        assertEquals(new PaidWorkLabel(null, Status.NO_FOLLOW_UP), within12(LONG_AFTER));
    }

    @Test
    void subsidisedWorkAndWorkBeforeTheDecisionDoNotCount() {
        assertEquals(new PaidWorkLabel(false, Status.OBSERVED), within12(LONG_AFTER,
                new Observation(LocalDate.of(2025, 3, 9), OutcomeStatus.PAID_WORK),
                new Observation(LocalDate.of(2025, 8, 1), OutcomeStatus.SUBSIDISED_WORK),
                new Observation(LocalDate.of(2026, 6, 1), OutcomeStatus.SUBSIDISED_WORK)));
    }
}
