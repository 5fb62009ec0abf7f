package nl.trede.fairness;

/** Registered gender, as in the BRP: female, male, or X (neither). */
public enum Gender {
    FEMALE, MALE, X
}
