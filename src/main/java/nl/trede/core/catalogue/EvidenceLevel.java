package nl.trede.core.catalogue;

/**
 * Evidence levels of the Databank Effectieve Sociale Interventies (Movisie), weakest first. A
 * stronger level means a tighter prior: {@link #priorStandardDeviation()} is the standard
 * deviation, in percentage points, that Trede puts on a catalogue prior of that level.
 */
public enum EvidenceLevel {
    WELL_DESCRIBED("goed beschreven", 4.0),
    WELL_FOUNDED("goed onderbouwd", 3.0),
    FIRST_INDICATIONS("eerste aanwijzingen voor effectiviteit", 2.5),
    GOOD_INDICATIONS("goede aanwijzingen voor effectiviteit", 1.5),
    STRONG_INDICATIONS("sterke aanwijzingen voor effectiviteit", 1.0);

    private final String dutchLabel;
    private final double priorStandardDeviation;

    EvidenceLevel(String dutchLabel, double priorStandardDeviation) {
        this.dutchLabel = dutchLabel;
        this.priorStandardDeviation = priorStandardDeviation;
    }

    public String dutchLabel() {
        return dutchLabel;
    }

    public double priorStandardDeviation() {
        return priorStandardDeviation;
    }
}
