package nl.trede.outcome;

/** The client's situation on the day an outcome was observed. */
public enum OutcomeStatus {
    PAID_WORK,
    PARTIAL_WORK,
    SUBSIDISED_WORK,
    EDUCATION,
    PARTICIPATION,
    NO_CHANGE
}
