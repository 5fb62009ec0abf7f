package nl.trede.core.profile;

/** Dutch language level on the CEFR scale. */
public enum LanguageLevel {
    A0, A1, A2, B1, B2, C1, C2;

    public boolean isBelowB1() {
        return ordinal() < B1.ordinal();
    }
}
