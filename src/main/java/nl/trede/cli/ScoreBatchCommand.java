package nl.trede.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import nl.trede.api.StrictJson;
import nl.trede.core.distance.ModelArtefact;
import nl.trede.core.distance.ModelFiles;
import nl.trede.core.distance.TribuoDistanceModel;
import nl.trede.scoring.ScoreBatch;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * {@code score-batch}: scores a caseload file of JSON lines with the active distance model of a
 * models directory, exactly as {@code POST /score-batches} answers it, without a service.
 */
final class ScoreBatchCommand implements Command {

    @Override
    public String name() {
        return "score-batch";
    }

    @Override
    public String summary() {
        return "score a caseload (JSON lines) into JSON lines, as POST /score-batches does";
    }

    @Override
    public String usage() {
        return """
                usage: score-batch --input FILE [--output FILE] [--models DIR]

                  --input   JSON lines, one profile a line as POST /scores takes it ("-" for stdin)
                  --output  where the answers go, one JSON line per non-blank input line: {"line":n,"score":{...}}
                            or {"line":n,"problem":{...}} for a line the API would refuse (default: stdout)
                  --models  the models directory whose active distance model scores (default: models)

                  Streams: memory does not grow with the input. A bad line is answered in place and the batch
                  goes on. On stderr: lines scored and refused, seconds, and the peak heap in use.
                """;
    }

    @Override
    public Set<String> valued() {
        return Set.of("--input", "--output", "--models");
    }

    @Override
    public int execute(Options options, PrintStream out, PrintStream err) throws CommandException, IOException {
        String input = options.required("--input");
        String output = options.get("--output", "-");
        ModelArtefact artefact = ModelFiles.readActive(Path.of(options.get("--models", "models")), ModelFiles.DISTANCE);
        TribuoDistanceModel model = TribuoDistanceModel.fromBytes(artefact.bytes(), artefact.card());
        ObjectMapper mapper = new ObjectMapper();
        new StrictJson().customize(mapper);
        // Messages are the constraints' own texts: no expression language needed outside the service.
        Validator validator = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
        long start = System.nanoTime();
        ScoreBatch.Counts counts;
        try (BufferedReader in = input.equals("-")
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                : Files.newBufferedReader(Path.of(input), StandardCharsets.UTF_8);
             Writer to = output.equals("-") ? new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16)
                     : Files.newBufferedWriter(Path.of(output), StandardCharsets.UTF_8)) {
            counts = new ScoreBatch(mapper, validator).run(in, to, model);
        }
        err.printf("score-batch: %d scored, %d refused in %.1f s with %s; peak heap in use %d MB (sum of the heap pools' peaks)%n", counts.scored(),
                counts.refused(), (System.nanoTime() - start) / 1e9, model.version(), peakHeapMegabytes());
        return 0;
    }

    private static long peakHeapMegabytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
    }
}
