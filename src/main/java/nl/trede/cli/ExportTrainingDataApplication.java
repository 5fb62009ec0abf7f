package nl.trede.cli;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.trede.audit.AuditTrail;
import nl.trede.trainingdata.TrainingDataExport;
import nl.trede.trainingdata.TrainingDataFormat;

/** The application {@code export-training-data} starts: arguments municipality, format, file. */
public class ExportTrainingDataApplication implements QuarkusApplication {

    @Inject
    TrainingDataExport export;
    @Inject
    AuditTrail audit;

    @Override
    public int run(String... args) throws IOException {
        String municipality = args[0];
        Path file = Path.of(args[2]);
        QuarkusTransaction.requiringNew().run(() -> audit.recordAs("command-line export-training-data", "", AuditTrail.Action.READ,
                "training-data", null, municipality, null));
        try (OutputStream out = Files.newOutputStream(file)) {
            long rows = export.write(municipality, TrainingDataFormat.named(args[1]), out);
            System.out.printf("Wrote %d decisions of %s to %s.%n", rows, municipality, file);
        }
        return 0;
    }
}
