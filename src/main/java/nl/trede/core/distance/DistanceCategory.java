package nl.trede.core.distance;

/**
 * The four bands of distance to the labour market, from the probability of paid work within 12
 * months without intervention. The cut-offs are a policy choice, set around the CBS base rate of
 * 7–15 % a year: category 1 has several times the average chance, category 4 a fraction of it.
 */
public enum DistanceCategory {
    READY_FOR_WORK(1, 0.40, "klaar voor werk"),
    SHORT_DISTANCE(2, 0.20, "korte afstand tot werk"),
    MEDIUM_DISTANCE(3, 0.08, "middelgrote afstand tot werk"),
    LARGE_DISTANCE(4, 0.0, "grote afstand tot werk");

    private final int number;
    private final double minimumProbability;
    private final String dutchLabel;

    DistanceCategory(int number, double minimumProbability, String dutchLabel) {
        this.number = number;
        this.minimumProbability = minimumProbability;
        this.dutchLabel = dutchLabel;
    }

    public static DistanceCategory of(double probability) {
        for (DistanceCategory category : values()) {
            if (probability >= category.minimumProbability) {
                return category;
            }
        }
        return LARGE_DISTANCE;
    }

    public static DistanceCategory ofNumber(int number) {
        for (DistanceCategory category : values()) {
            if (category.number == number) {
                return category;
            }
        }
        throw new IllegalArgumentException("No distance category " + number);
    }

    public int number() {
        return number;
    }

    /** The lowest probability placed in this category (its lower boundary). */
    public double minimumProbability() {
        return minimumProbability;
    }

    public String dutchLabel() {
        return dutchLabel;
    }
}
