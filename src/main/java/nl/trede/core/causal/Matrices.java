package nl.trede.core.causal;

/** The little dense linear algebra the estimator needs: Cholesky solves and quadratic forms. */
final class Matrices {

    private Matrices() {
    }

    /** Copies the upper triangle of a square matrix into its lower triangle, in place. */
    static void symmetrizeFromUpper(double[][] a) {
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < i; j++) {
                a[i][j] = a[j][i];
            }
        }
    }

    /** The lower Cholesky factor of a symmetric positive definite matrix. */
    static double[][] cholesky(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int j = 0; j < n; j++) {
            double diagonal = a[j][j];
            for (int k = 0; k < j; k++) {
                diagonal -= l[j][k] * l[j][k];
            }
            if (!(diagonal > 0)) {
                throw new ArithmeticException("matrix is not positive definite (column " + j + ")");
            }
            double root = Math.sqrt(diagonal);
            l[j][j] = root;
            for (int i = j + 1; i < n; i++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                l[i][j] = s / root;
            }
        }
        return l;
    }

    /** Solves {@code L L' x = b} for a Cholesky factor {@code L}. */
    static double[] choleskySolve(double[][] l, double[] b) {
        int n = l.length;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * y[k];
            }
            y[i] = s / l[i][i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k][i] * x[k];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }

    /** The inverse of a symmetric positive definite matrix. */
    static double[][] inverse(double[][] a) {
        double[][] l = cholesky(a);
        int n = a.length;
        double[][] inv = new double[n][];
        for (int j = 0; j < n; j++) {
            double[] unit = new double[n];
            unit[j] = 1;
            inv[j] = choleskySolve(l, unit); // column j; the inverse is symmetric, so also row j
        }
        return inv;
    }

    static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        int m = b[0].length;
        int inner = b.length;
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < inner; k++) {
                double aik = a[i][k];
                if (aik == 0) {
                    continue;
                }
                double[] bk = b[k];
                double[] ci = c[i];
                for (int j = 0; j < m; j++) {
                    ci[j] += aik * bk[j];
                }
            }
        }
        return c;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** {@code x' M y} where {@code M} is the block of {@code m} starting at (rowOffset, colOffset). */
    static double quadraticForm(double[] x, double[][] m, int rowOffset, int colOffset, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double[] row = m[rowOffset + i];
            double inner = 0;
            for (int j = 0; j < y.length; j++) {
                inner += row[colOffset + j] * y[j];
            }
            s += x[i] * inner;
        }
        return s;
    }

    /**
     * {@code x' M x} where {@code M} is the block of the symmetric {@code m} (a covariance) starting at
     * (offset, offset), read from its upper triangle only: half the work of {@link #quadraticForm}
     * for the client's variances that dominate a full advice (JFR: 22 % of POST /advice).
     */
    static double symmetricQuadraticForm(double[] x, double[][] m, int offset) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double[] row = m[offset + i];
            double offDiagonal = 0;
            for (int j = i + 1; j < x.length; j++) {
                offDiagonal += row[offset + j] * x[j];
            }
            s += x[i] * (row[offset + i] * x[i] + 2 * offDiagonal);
        }
        return s;
    }
}
