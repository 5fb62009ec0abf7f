package nl.trede.core.causal;

/** Whether the outcome is a 0/1 event (modelled by logistic regression) or a continuous amount. */
public enum OutcomeType {
    BINARY,
    CONTINUOUS;

    /** BINARY when every value is exactly 0 or 1, otherwise CONTINUOUS. */
    public static OutcomeType detect(double[] outcome) {
        for (double y : outcome) {
            if (y != 0 && y != 1) {
                return CONTINUOUS;
            }
        }
        return BINARY;
    }

    /** The outcome model's mean from its linear predictor: the logistic function, or the identity. */
    double mean(double linearPredictor) {
        return this == BINARY ? 1 / (1 + Math.exp(-linearPredictor)) : linearPredictor;
    }

    /** The lowercase name used in reports and model files. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
