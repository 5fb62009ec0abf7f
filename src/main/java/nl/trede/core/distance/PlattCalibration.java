package nl.trede.core.distance;

/**
 * Platt scaling: maps a model's raw probability {@code p} to {@code sigmoid(slope * logit(p) + intercept)}.
 * Fitted by Newton's method on a calibration split the model never saw, because Tribuo does not
 * calibrate and boosted trees are rarely calibrated out of the box. Monotone, so it never changes
 * the ranking (AUC) of clients.
 */
public record PlattCalibration(double slope, double intercept) implements Calibration {

    private static final double EPSILON = 1e-6;

    public static final PlattCalibration IDENTITY = new PlattCalibration(1, 0);

    @Override
    public double apply(double rawProbability) {
        return 1 / (1 + Math.exp(-(slope * logit(rawProbability) + intercept)));
    }

    @Override
    public String describe() {
        return String.format(java.util.Locale.ROOT, "Platt scaling: slope %.4f, intercept %.4f", slope, intercept);
    }

    /** Maximum-likelihood fit of slope and intercept. */
    public static PlattCalibration fit(double[] rawProbabilities, boolean[] labels) {
        double a = 1;
        double b = 0;
        for (int iteration = 0; iteration < 100; iteration++) {
            // Gradient and Hessian of the log-likelihood in (a, b).
            double ga = 0, gb = 0, haa = 0, hab = 0, hbb = 0;
            for (int i = 0; i < rawProbabilities.length; i++) {
                double z = logit(rawProbabilities[i]);
                double p = 1 / (1 + Math.exp(-(a * z + b)));
                double residual = (labels[i] ? 1 : 0) - p;
                double weight = p * (1 - p);
                ga += residual * z;
                gb += residual;
                haa += weight * z * z;
                hab += weight * z;
                hbb += weight;
            }
            double determinant = haa * hbb - hab * hab;
            if (determinant <= 0) {
                break;
            }
            double da = (hbb * ga - hab * gb) / determinant;
            double db = (haa * gb - hab * ga) / determinant;
            a += da;
            b += db;
            if (Math.abs(da) < 1e-10 && Math.abs(db) < 1e-10) {
                break;
            }
        }
        return new PlattCalibration(a, b);
    }

    private static double logit(double p) {
        double clipped = Math.min(1 - EPSILON, Math.max(EPSILON, p));
        return Math.log(clipped / (1 - clipped));
    }
}
