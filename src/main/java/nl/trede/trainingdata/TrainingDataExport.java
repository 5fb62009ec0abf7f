package nl.trede.trainingdata;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.trede.allocation.AllocationProposal;
import nl.trede.decision.Decision;
import nl.trede.draw.Draw;
import nl.trede.intake.Intake;
import nl.trede.outcome.Outcome;
import nl.trede.recommendation.Recommendation;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Streams a municipality's decisions as training rows, a page of decisions at a time (500 unless
 * configured), each page read in a short transaction of its own: memory stays flat however long the history, and no
 * transaction stays open while a slow client downloads. Decisions on an erased client are left out.
 */
@ApplicationScoped
public class TrainingDataExport {

    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    /** The end of an open period: later than any decision, and a timestamp every database stores. */
    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");

    /** One line per row, whatever the application mapper's indentation: made once, not per row. */
    private final ObjectWriter json;
    private final int pageSize;

    public TrainingDataExport(ObjectMapper json, @ConfigProperty(name = "trede.training-data.page-size") int pageSize) {
        this.json = json.writer().without(SerializationFeature.INDENT_OUTPUT);
        this.pageSize = pageSize;
    }

    /** Writes every row and returns how many. */
    public long write(String municipalityCode, TrainingDataFormat format, OutputStream stream) throws IOException {
        return write(municipalityCode, null, null, format, stream);
    }

    /** Writes the rows of the decisions made from {@code from} to {@code to} (days in the Netherlands, both included; null: open). */
    public long write(String municipalityCode, LocalDate from, LocalDate to, TrainingDataFormat format, OutputStream stream)
            throws IOException {
        Instant start = from == null ? Instant.EPOCH : from.atStartOfDay(ZONE).toInstant();
        Instant end = to == null ? END_OF_TIME : to.plusDays(1).atStartOfDay(ZONE).toInstant();
        Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        format.writeHeader(out);
        LocalDate today = LocalDate.now(ZONE);
        long written = 0;
        Page page = new Page(List.of(), null, null, true);
        while (page.full()) {
            Page previous = page;
            page = QuarkusTransaction.requiringNew().call(() -> nextPage(municipalityCode, start, end, previous, today));
            for (TrainingRow row : page.rows()) {
                format.writeRow(out, row, json);
            }
            written += page.rows().size();
            out.flush();
        }
        return written;
    }

    /** The rows of one page of decisions, and where the next page starts (decisions in order of recording). */
    private record Page(List<TrainingRow> rows, Instant lastCreatedAt, UUID lastId, boolean full) {
    }

    private Page nextPage(String municipalityCode, Instant start, Instant end, Page previous, LocalDate today) {
        String period = "municipalityCode = ?1 and createdAt >= ?2 and createdAt < ?3";
        List<Decision> decisions = previous.lastId() == null
                ? Decision.<Decision>find(period + " order by createdAt, id", municipalityCode, start, end).page(0, pageSize).list()
                : Decision.<Decision>find(period + " and (createdAt > ?4 or (createdAt = ?4 and id > ?5))"
                        + " order by createdAt, id", municipalityCode, start, end, previous.lastCreatedAt(), previous.lastId())
                        .page(0, pageSize).list();
        if (decisions.isEmpty()) {
            return new Page(List.of(), null, null, false);
        }
        Map<UUID, Intake> intakes = byId(Intake.<Intake>list("id in ?1", ids(decisions, d -> d.intakeId)), i -> i.id);
        Map<UUID, Recommendation> advice = byId(
                Recommendation.<Recommendation>list("id in ?1", ids(decisions, d -> d.recommendationId)), r -> r.id);
        Map<UUID, List<PaidWorkLabel.Observation>> observations = Outcome.<Outcome>list("clientId in ?1", ids(decisions, d -> d.clientId))
                .stream().collect(Collectors.groupingBy(o -> o.clientId,
                        Collectors.mapping(o -> new PaidWorkLabel.Observation(o.observedOn, o.status), Collectors.toList())));
        List<UUID> drawIds = decisions.stream().map(d -> d.drawId).filter(Objects::nonNull).distinct().toList();
        Map<UUID, Draw> draws = drawIds.isEmpty() ? Map.of() : byId(Draw.<Draw>list("id in ?1", drawIds), d -> d.id);
        Map<UUID, List<AllocationProposal>> proposals = AllocationProposal.ofIntakes(ids(decisions, d -> d.intakeId)).stream()
                .collect(Collectors.groupingBy(p -> p.intakeId));
        List<TrainingRow> rows = decisions.stream().filter(d -> !intakes.get(d.intakeId).erased)
                .map(d -> row(d, intakes.get(d.intakeId), advice.get(d.recommendationId),
                        assignmentProbability(d, d.drawId == null ? null : draws.get(d.drawId), proposals.getOrDefault(d.intakeId, List.of())),
                        observations.getOrDefault(d.clientId, List.of()), today))
                .toList();
        Decision last = decisions.get(decisions.size() - 1);
        return new Page(rows, last.createdAt, last.id, decisions.size() == pageSize);
    }

    /**
     * The known probability of what the decision gave: from the draw among the client's tied options it
     * followed, or else from the last allocation run before it, where that run drew this client's place and
     * the decision gave what it proposed. Null when the klantmanager chose otherwise, or nothing was drawn.
     */
    private static Double assignmentProbability(Decision decision, Draw draw, List<AllocationProposal> proposals) {
        List<String> codes = decision.chosenCodes();
        if (draw != null) {
            return draw.result().assignmentProbability(codes);
        }
        AllocationProposal latest = null;
        for (AllocationProposal p : proposals) {
            if (!p.createdAt.isAfter(decision.createdAt)) {
                latest = p;
            }
        }
        return latest != null && latest.drawProbability != null && TrainingRow.asOneOption(codes).equals(latest.interventionCode)
                ? latest.drawProbability : null;
    }

    private static TrainingRow row(Decision decision, Intake intake, Recommendation advice, Double assignmentProbability,
                                   List<PaidWorkLabel.Observation> observations, LocalDate today) {
        LocalDate decidedOn = LocalDate.ofInstant(decision.createdAt, ZONE);
        List<String> codes = decision.chosenCodes();
        return new TrainingRow(decision.id, decision.clientId, decision.intakeId, decision.municipalityCode, decidedOn,
                intake.profile(), intake.probability, intake.category, decision.adjustedCategory, advice.advice(), codes,
                TrainingRow.asOneOption(codes), decision.override, decision.reasonCode, decision.note,
                PaidWorkLabel.within(12, decidedOn, observations, today), PaidWorkLabel.within(24, decidedOn, observations, today),
                assignmentProbability);
    }

    private static List<UUID> ids(List<Decision> decisions, Function<Decision, UUID> id) {
        return decisions.stream().map(id).distinct().toList();
    }

    private static <T> Map<UUID, T> byId(List<T> facts, Function<T, UUID> id) {
        return facts.stream().collect(Collectors.toMap(id, Function.identity()));
    }
}
