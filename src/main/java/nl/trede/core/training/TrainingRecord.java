package nl.trede.core.training;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import nl.trede.core.catalogue.Intervention;
import nl.trede.core.profile.IntakeProfile;

/**
 * One client's history as a learner may see it: the intake as recorded, what was given, and what
 * followed.
 *
 * @param profile         the intake as it was recorded at the time of the decision, gaps included
 * @param given           codes of the catalogue interventions that were given; empty when nothing was
 *                        (never {@link Intervention#NONE}); several codes for a decision that combined interventions
 * @param within12        paid work within 12 months of the decision
 * @param within24        paid work within 24 months; work within 12 months is work within 24, so a
 *                        record that worked within 12 months has {@link Outcome#WORKED} here even
 *                        before the 24 months have passed
 * @param knownPropensity the probability with which {@code given} was assigned, where the assignment
 *                        was randomised and that probability is known by design; empty otherwise (a
 *                        klantmanager's own choice has no known probability)
 * @param advised         the code of the top recommendation the klantmanager was shown, where it was
 *                        recorded: part of what the choice depended on, so the effect learner's
 *                        propensity model adjusts for it (and nothing else does: it is no client fact)
 */
public record TrainingRecord(IntakeProfile profile, List<String> given, Outcome within12, Outcome within24,
                             OptionalDouble knownPropensity, Optional<String> advised) {

    /** A record of a history that did not record the advice shown (a simulation, an older extract). */
    public TrainingRecord(IntakeProfile profile, List<String> given, Outcome within12, Outcome within24,
                          OptionalDouble knownPropensity) {
        this(profile, given, within12, within24, knownPropensity, Optional.empty());
    }

    public TrainingRecord {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(advised, "advised");
        given = List.copyOf(given);
        if (given.contains(Intervention.NONE)) {
            throw new IllegalArgumentException("'" + Intervention.NONE + "' is not given: nothing given is an empty list");
        }
        if (within12 == Outcome.WORKED && within24 == Outcome.UNKNOWN) {
            within24 = Outcome.WORKED;
        }
        if (within12 == Outcome.WORKED && within24 == Outcome.NOT_WORKED) {
            throw new IllegalArgumentException("worked within 12 months but not within 24");
        }
        if (knownPropensity.isPresent() && !(knownPropensity.getAsDouble() > 0 && knownPropensity.getAsDouble() <= 1)) {
            throw new IllegalArgumentException("a known propensity is in (0, 1], not " + knownPropensity.getAsDouble());
        }
    }

    /** The outcome at a horizon of 12 or 24 months. */
    public Outcome outcome(int horizonMonths) {
        return switch (horizonMonths) {
            case 12 -> within12;
            case 24 -> within24;
            default -> throw new IllegalArgumentException("horizons are 12 and 24 months, not " + horizonMonths);
        };
    }

    public boolean gotNothing() {
        return given.isEmpty();
    }

    /** Whether exactly this one intervention was given, and nothing besides it. */
    public boolean gotOnly(String code) {
        return given.size() == 1 && given.get(0).equals(code);
    }
}
