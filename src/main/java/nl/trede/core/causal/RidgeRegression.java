package nl.trede.core.causal;

/**
 * Least squares with a ridge penalty on every coefficient but the intercept (design column 0).
 * Returns the inverse of the penalised Gram matrix too, which the sandwich covariance needs.
 */
final class RidgeRegression {

    private RidgeRegression() {
    }

    /** The fitted coefficients and {@code (Z'Z + lambda I*)^-1} over the rows used. */
    record Fit(double[] coefficients, double[][] gramInverse) {
    }

    static Fit fit(double[][] z, double[] y, int[] rows, double lambda) {
        double[] penalties = new double[width(z, rows)];
        java.util.Arrays.fill(penalties, lambda);
        return fit(z, y, rows, penalties);
    }

    /** As {@link #fit(double[][], double[], int[], double)} with one penalty per column (column 0's is ignored). */
    static Fit fit(double[][] z, double[] y, int[] rows, double[] penalties) {
        int columns = width(z, rows);
        double[][] gram = new double[columns][columns];
        double[] rhs = new double[columns];
        for (int r : rows) {
            double[] zi = z[r];
            for (int a = 0; a < columns; a++) {
                double za = zi[a];
                if (za == 0) {
                    continue;
                }
                rhs[a] += za * y[r];
                double[] row = gram[a];
                for (int b = a; b < columns; b++) {
                    row[b] += za * zi[b];
                }
            }
        }
        gram[0][0] += 1e-8; // keeps the system solvable when the rows are few or constant
        for (int a = 1; a < columns; a++) {
            gram[a][a] += penalties[a];
        }
        Matrices.symmetrizeFromUpper(gram);
        double[][] inverse = Matrices.inverse(gram);
        double[] coefficients = new double[columns];
        for (int a = 0; a < columns; a++) {
            coefficients[a] = Matrices.dot(inverse[a], rhs);
        }
        return new Fit(coefficients, inverse);
    }

    /** The design's width, read from a row used (rows not used may be left out of {@code z}). */
    private static int width(double[][] z, int[] rows) {
        return z[rows.length > 0 ? rows[0] : 0].length;
    }
}
