package nl.trede.core.profile;

/** Highest completed education, in the Dutch system, from low to high. */
public enum EducationLevel implements DutchLabelled {
    NONE("geen opleiding"), PRIMARY("basisonderwijs"), VMBO("vmbo"), MBO_1("mbo 1 (entree)"), MBO_2_4("mbo 2, 3 of 4"),
    HAVO_VWO("havo of vwo"), HBO("hbo"), WO("universiteit (wo)");

    private final String dutchLabel;

    EducationLevel(String dutchLabel) {
        this.dutchLabel = dutchLabel;
    }

    @Override
    public String dutchLabel() {
        return dutchLabel;
    }

    /** Starting qualification (startkwalificatie): MBO 2 or higher. */
    public boolean isStartingQualification() {
        return ordinal() >= MBO_2_4.ordinal();
    }
}
