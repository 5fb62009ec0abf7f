package nl.trede.fairness;

/**
 * Origin in CBS's classification of 2022 ("herkomst"): by the country of birth of the client and
 * their parents, Dutch, elsewhere in Europe, or outside Europe.
 */
public enum MigrationBackground {
    NONE, EUROPE, OUTSIDE_EUROPE
}
