package nl.trede.core.catalogue;

/**
 * One intervention of the catalogue with its literature prior: the expected effect, in
 * percentage points on P(paid work), for an average bijstand client at 12 and 24 months.
 */
public record Intervention(
        String code,
        String dutchName,
        String englishName,
        double costEuros,
        int durationMonths,
        EvidenceLevel evidenceLevel,
        Eligibility eligibility,
        double priorEffect12,
        double priorEffect24,
        String priorSource) {

    public static final String NONE = "NONE";

    public double priorEffect(int horizonMonths) {
        return horizonMonths >= 24 ? priorEffect24 : priorEffect12;
    }

    public boolean isNone() {
        return NONE.equals(code);
    }
}
