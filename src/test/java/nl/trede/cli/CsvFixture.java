package nl.trede.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import nl.trede.core.causal.ConfoundedDgp;

/**
 * Writes a confounded CSV extract with text categories, quoted commas and missing cells, and
 * returns the true average effects. Treatment goes preferentially to motivated clients, and
 * motivation raises the chance of work and earnings, so a raw comparison is biased upward.
 * Arms: NONE (control), TRAINING, COACHING and, when {@code arms == 4}, SUBSIDY.
 */
final class CsvFixture {

    static final String[] ARMS = {"NONE", "TRAINING", "COACHING", "SUBSIDY"};
    private static final String[] CITIES = {"Amsterdam", "Rotterdam, Zuid", "Den Haag", "Utrecht", "Zwolle"};
    private static final String[] EDUCATION = {"basis", "vmbo", "mbo", "havo/vwo", "hbo"};

    /** True sample-average effects per arm (index 0 = control = 0): on P(work) and on earnings. */
    record Truth(double[] ateWork, double[] ateEarnings) {
    }

    static Truth write(Path file, int n, long seed, int arms, int noiseColumns) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        double[] work = new double[arms];
        double[] earnings = new double[arms];
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder header = new StringBuilder("age,motivation,city,education,health_limitation,programme,worked,earnings");
            for (int c = 0; c < noiseColumns; c++) {
                header.append(",extra_").append(c);
            }
            w.write(header + "\r\n");
            for (int i = 0; i < n; i++) {
                double age = 18 + 47 * random.nextDouble();
                double motivation = gaussian(random);
                int city = random.nextInt(CITIES.length);
                int education = random.nextInt(EDUCATION.length);
                boolean health = random.nextDouble() < 0.3;
                double ageStd = (age - 41.5) / 13.6;

                double[] logit = new double[arms];
                for (int k = 1; k < arms; k++) {
                    logit[k] = -1.0 + (1.6 - 0.2 * k) * motivation + (city == 1 ? 0.4 : 0);
                }
                int arm = ConfoundedDgp.draw(random, logit);

                double base = -0.5 + 1.2 * motivation - 0.6 * (health ? 1 : 0) + 0.15 * education - 0.2 * ageStd;
                double[] shift = {0, 0.5, 0.2 + 0.6 * (health ? 1 : 0), 0.35 + 0.3 * ageStd};
                double[] earningEffect = {0, 1_500, 800 + 2_000 * (health ? 1 : 0), 1_200 - 500 * ageStd};
                for (int k = 1; k < arms; k++) {
                    work[k] += (sigmoid(base + shift[k]) - sigmoid(base)) / n;
                    earnings[k] += earningEffect[k] / n;
                }
                int worked = random.nextDouble() < sigmoid(base + shift[arm]) ? 1 : 0;
                double earned = 9_000 + 4_000 * motivation - 2_000 * (health ? 1 : 0) + 500 * education
                        + earningEffect[arm] + 2_500 * gaussian(random);

                StringBuilder row = new StringBuilder();
                row.append(random.nextDouble() < 0.05 ? "NA" : String.format(Locale.ROOT, "%.1f", age)).append(',');
                row.append(random.nextDouble() < 0.01 ? "" : String.format(Locale.ROOT, "%.4f", motivation)).append(',');
                row.append(CITIES[city].contains(",") ? "\"" + CITIES[city] + "\"" : CITIES[city]).append(',');
                row.append(random.nextDouble() < 0.05 ? "" : EDUCATION[education]).append(',');
                row.append(health ? "yes" : "no").append(',');
                row.append(ARMS[arm]).append(',');
                row.append(worked).append(',');
                row.append(String.format(Locale.ROOT, "%.2f", earned));
                for (int c = 0; c < noiseColumns; c++) {
                    row.append(',').append(String.format(Locale.ROOT, "%.3f", gaussian(random)));
                }
                w.write(row + "\r\n");
            }
        }
        return new Truth(work, earnings);
    }

    private static double sigmoid(double t) {
        return 1 / (1 + Math.exp(-t));
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private CsvFixture() {
    }
}
