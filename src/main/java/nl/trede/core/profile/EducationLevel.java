package nl.trede.core.profile;

/** Highest completed education, in the Dutch system, from low to high. */
public enum EducationLevel {
    NONE, PRIMARY, VMBO, MBO_1, MBO_2_4, HAVO_VWO, HBO, WO;

    /** Starting qualification (startkwalificatie): MBO 2 or higher. */
    public boolean isStartingQualification() {
        return ordinal() >= MBO_2_4.ordinal();
    }
}
