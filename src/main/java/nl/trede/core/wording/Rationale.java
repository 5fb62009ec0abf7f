package nl.trede.core.wording;

/**
 * Why the advice says what it says: in Dutch, in words a klantmanager can repeat to the client, and
 * the same in English alongside for vendors and data scientists. Built only by {@link RationaleVocabulary}.
 */
public record Rationale(String dutch, String english) {
}
