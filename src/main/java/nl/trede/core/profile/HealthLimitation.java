package nl.trede.core.profile;

/** Health limitation for work. */
public enum HealthLimitation implements DutchLabelled {
    NONE("geen"), SOME("enige beperking"), SEVERE("ernstige beperking");

    private final String dutchLabel;

    HealthLimitation(String dutchLabel) {
        this.dutchLabel = dutchLabel;
    }

    @Override
    public String dutchLabel() {
        return dutchLabel;
    }
}
