package nl.trede.cli;

import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.trede.api.InvalidInputException;
import nl.trede.api.Problem.InvalidParam;
import nl.trede.core.candidate.CandidateTraining;
import nl.trede.core.training.HistoryCsvData;
import nl.trede.trainingruns.TrainingRunSettings;
import nl.trede.trainingruns.TrainingRunView;
import nl.trede.trainingruns.TrainingRuns;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The application {@code train-candidate} starts. Arguments, each empty when not given: CSV file,
 * municipality, from, to, seed, held-out share, distance candidates, folds, final lambda 12 and 24.
 */
public class TrainCandidateApplication implements QuarkusApplication {

    private static final String ACTOR = "command-line train-candidate";

    @Inject
    TrainingRuns runs;
    @ConfigProperty(name = "trede.training-runs.threads")
    int threads;

    @Override
    public int run(String... args) throws IOException {
        CandidateTraining.Settings settings;
        try {
            List<InvalidParam> invalid = new ArrayList<>();
            settings = new TrainingRunSettings(args[4].isEmpty() ? null : Long.valueOf(args[4]), decimal(args[5]),
                    args[6].isEmpty() ? null : args[6], decimal(args[8]), decimal(args[9]),
                    args[7].isEmpty() ? null : Integer.valueOf(args[7])).resolve(threads, invalid);
        } catch (NumberFormatException e) {
            System.err.println("train-candidate: a setting is not a number: " + e.getMessage());
            return 2;
        } catch (InvalidInputException e) {
            e.invalidParams().forEach(p -> System.err.println("train-candidate: " + p.name() + " " + p.reason()));
            return 2;
        }
        TrainingRuns.Order order;
        if (!args[0].isEmpty()) {
            byte[] csv = Files.readAllBytes(Path.of(args[0]));
            try {
                TrainingRuns.readable(csv);
            } catch (HistoryCsvData.InvalidCsv e) {
                System.err.println("train-candidate: " + args[0] + ": " + e.getMessage());
                return 2;
            }
            order = TrainingRuns.Order.fromUpload(csv, settings, ACTOR, "");
        } else {
            order = TrainingRuns.Order.fromHistory(args[1], args[2].isEmpty() ? null : LocalDate.parse(args[2]),
                    args[3].isEmpty() ? null : LocalDate.parse(args[3]), settings, ACTOR, "");
        }
        TrainingRunView run = runs.startAndWait(order, System.out::println);
        if (run.modelVersion() == null) {
            System.err.printf("Training run %s failed: %s%n", run.id(), run.failure());
            return 1;
        }
        System.out.printf("Training run %s registered candidate version %d; its report: %s%n", run.id(), run.modelVersion(),
                run.report());
        return 0;
    }

    private static Double decimal(String value) {
        return value.isEmpty() ? null : Double.valueOf(value);
    }
}
