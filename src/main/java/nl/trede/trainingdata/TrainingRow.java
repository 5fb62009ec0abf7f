package nl.trede.trainingdata;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.trede.core.profile.IntakeProfile;
import nl.trede.core.recommend.ShownAdvice;
import nl.trede.decision.ReasonCode;

/**
 * One decision as a learner sees it: the profile the decision was made on, the advice as it was
 * shown, what was given, why it deviated, and the labels. Ids are Trede's own (pseudonymous: they
 * lead to no person without the case system); the klantmanager and the client reference are left out.
 *
 * @param intervention          what was given as one option: a single code, {@code NONE}, or several codes
 *                              sorted and joined with {@code +} (a combination is an option of its own)
 * @param assignmentProbability the probability with which what was given was assigned, where the
 *                              decision followed a recorded draw: among the client's tied options, or
 *                              among near-tied clients for an allocation run's last places; null
 *                              otherwise (no draw, or a deviation from it: then the assignment is the
 *                              klantmanager's, with no known probability)
 */
public record TrainingRow(UUID decisionId, UUID clientId, UUID intakeId, String municipalityCode, LocalDate decidedOn,
                          IntakeProfile profile, double scoreProbability, int scoreCategory, Integer adjustedCategory,
                          ShownAdvice advice, List<String> interventionCodes, String intervention, boolean override,
                          ReasonCode reasonCode, String note, PaidWorkLabel worked12, PaidWorkLabel worked24,
                          Double assignmentProbability) {

    static String asOneOption(List<String> codes) {
        return String.join("+", codes.stream().sorted().toList());
    }
}
