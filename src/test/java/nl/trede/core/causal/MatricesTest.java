package nl.trede.core.causal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** A client's variance read from half a covariance block is the variance the whole block gives. */
class MatricesTest {

    @Property(tries = 200)
    void theSymmetricShortcutGivesTheFullQuadraticForm(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int size,
                                                       @ForAll @IntRange(min = 0, max = 2) int block) {
        SplittableRandom random = new SplittableRandom(seed);
        int dimension = 3 * size;
        double[][] root = new double[dimension][dimension];
        for (double[] row : root) {
            for (int j = 0; j < dimension; j++) {
                row[j] = random.nextGaussian();
            }
        }
        double[][] covariance = new double[dimension][dimension]; // R R', symmetric and positive semi-definite
        for (int i = 0; i < dimension; i++) {
            for (int j = 0; j < dimension; j++) {
                covariance[i][j] = Matrices.dot(root[i], root[j]);
            }
        }
        double[] x = new double[size];
        for (int i = 0; i < size; i++) {
            x[i] = random.nextGaussian();
        }
        int offset = block * size;
        double full = Matrices.quadraticForm(x, covariance, offset, offset, x);
        double half = Matrices.symmetricQuadraticForm(x, covariance, offset);
        assertEquals(full, half, 1e-9 * Math.max(1, Math.abs(full)));
    }
}
