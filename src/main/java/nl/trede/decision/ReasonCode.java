package nl.trede.decision;

/** Why a klantmanager deviated from the advice; overrides are information for the next model. */
public enum ReasonCode {
    /** The client prefers another option. */
    CLIENT_PREFERENCE,
    /** No place, budget or provider available for the advised option. */
    CAPACITY,
    /** The klantmanager's professional judgement differs from the model's. */
    PROFESSIONAL_JUDGEMENT,
    /** The intake lacks information that changes the picture. */
    MISSING_INFORMATION,
    /** A health situation the profile does not capture. */
    HEALTH,
    /** Anything else; explain in the note. */
    OTHER
}
