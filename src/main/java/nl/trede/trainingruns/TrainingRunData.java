package nl.trede.trainingruns;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import nl.trede.allocation.ProtectedAttribute;
import nl.trede.core.digest.Sha256;
import nl.trede.core.report.ProtectedAttributes;
import nl.trede.core.training.HistoryCsvData;
import nl.trede.core.training.TrainingData;
import nl.trede.trainingdata.TrainingDataExport;
import nl.trede.trainingdata.TrainingDataFormat;

/**
 * What a run reads, from either source, as the learner and the evaluation take it: the records, each
 * record's protected attributes (for the evaluation only), the SHA-256 of the bytes read, and the
 * period of the decisions. The service's history is read through the training-data export itself
 * (its CSV, written to a temporary file and parsed like an upload), so a run learns from exactly
 * what {@code GET /training-data} hands a data scientist, and one parser serves both sources.
 */
@ApplicationScoped
class TrainingRunData {

    /** The records read, and what was recorded about them. */
    record Read(TrainingData data, List<ProtectedAttributes> attributes, String sha256, LocalDate firstDecision,
                LocalDate lastDecision) {
    }

    private final TrainingDataExport export;
    private final ProtectedAttribute.Groups groups;

    TrainingRunData(TrainingDataExport export, ProtectedAttribute.Groups groups) {
        this.export = export;
        this.groups = groups;
    }

    /**
     * An uploaded history CSV; its protected attributes are its own {@code gender} and
     * {@code migrationBackground} columns where it has them.
     *
     * @throws HistoryCsvData.InvalidCsv with the line and column of the first cell that cannot be read
     */
    static Read upload(byte[] csv) throws IOException {
        HistoryCsvData.History history = parse(new ByteArrayInputStream(csv), "uploaded history CSV (SHA-256 "
                + Sha256.hex(csv).substring(0, 12) + "...)");
        List<ProtectedAttributes> attributes = history.context().stream()
                .map(c -> new ProtectedAttributes(c.gender(), c.migrationBackground())).toList();
        return read(history, attributes, Sha256.hex(csv));
    }

    /**
     * A municipality's decisions of a period, as the export writes them; the protected attributes come
     * from the fairness attributes table, by client, and go to the evaluation only.
     */
    Read history(String municipalityCode, LocalDate from, LocalDate to) throws IOException {
        Path file = Files.createTempFile("trede-training-run-", ".csv");
        try {
            MessageDigest digest = sha256();
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
                export.write(municipalityCode, from, to, TrainingDataFormat.CSV, out);
            }
            HistoryCsvData.History history;
            try (InputStream in = Files.newInputStream(file)) {
                history = parse(in, "decisions of " + municipalityCode + period(from, to) + " (training-data export)");
            }
            List<UUID> clients = history.context().stream().map(c -> UUID.fromString(c.clientId().orElseThrow())).toList();
            Map<UUID, String> gender = QuarkusTransaction.requiringNew().call(() -> groups.of(ProtectedAttribute.GENDER, clients));
            Map<UUID, String> migration = QuarkusTransaction.requiringNew()
                    .call(() -> groups.of(ProtectedAttribute.MIGRATION_BACKGROUND, clients));
            List<ProtectedAttributes> attributes = clients.stream().map(c -> new ProtectedAttributes(
                    Optional.ofNullable(gender.get(c)), Optional.ofNullable(migration.get(c)))).toList();
            return read(history, attributes, HexFormat.of().formatHex(digest.digest()));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static HistoryCsvData.History parse(InputStream in, String description) throws IOException {
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return HistoryCsvData.readHistory(reader, description);
        }
    }

    private static Read read(HistoryCsvData.History history, List<ProtectedAttributes> attributes, String sha256) {
        List<LocalDate> days = history.context().stream().map(HistoryCsvData.RowContext::decidedOn).flatMap(Optional::stream)
                .sorted().toList();
        return new Read(history.data(), attributes, sha256, days.isEmpty() ? null : days.get(0),
                days.isEmpty() ? null : days.get(days.size() - 1));
    }

    private static String period(LocalDate from, LocalDate to) {
        return from == null && to == null ? "" : ", decided " + Objects.toString(from, "...") + " to " + Objects.toString(to, "...");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
