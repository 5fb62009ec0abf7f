package nl.trede.core.profile;

/** Dutch language level on the CEFR scale. */
public enum LanguageLevel implements DutchLabelled {
    A0("A0 (spreekt geen Nederlands)"), A1("A1"), A2("A2"), B1("B1"), B2("B2"), C1("C1"), C2("C2 (moedertaalniveau)");

    private final String dutchLabel;

    LanguageLevel(String dutchLabel) {
        this.dutchLabel = dutchLabel;
    }

    @Override
    public String dutchLabel() {
        return dutchLabel;
    }

    public boolean isBelowB1() {
        return ordinal() < B1.ordinal();
    }
}
