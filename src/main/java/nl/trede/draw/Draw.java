package nl.trede.draw;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.trede.core.recommend.TieDraw;
import nl.trede.persistence.ClientFact;
import nl.trede.persistence.JsonText;

/**
 * A draw among the options tied with the top of one advice shown: the candidates with their
 * probabilities, the options left out, the option drawn, and the setting change that allowed it.
 * At most one per advice (a unique constraint); an append-only fact.
 */
@Entity
@Table(name = "tie_draw")
public class Draw extends ClientFact {

    @Column(name = "intake_id", nullable = false)
    public UUID intakeId;
    @Column(name = "recommendation_id", nullable = false)
    public UUID recommendationId;
    @Column(name = "setting_change_id", nullable = false)
    public UUID settingChangeId;
    /** The candidates, as a JSON array of {@link StoredCandidate}, in the advice's rank order. */
    @Column(nullable = false, length = 4000)
    public String candidates;
    /** The codes left out of the draw, as a JSON array. */
    @Column(nullable = false, length = 4000)
    public String excluded;
    @Column(name = "drawn_code", nullable = false, length = 40)
    public String drawnCode;
    @Column(name = "drawn_by", nullable = false, length = 1000)
    public String drawnBy;

    /** How a candidate is stored: its own shape, apart from the core's and the API's. */
    record StoredCandidate(String interventionCode, double probability) {
    }

    static Draw of(UUID intakeId, UUID clientId, String municipalityCode, UUID recommendationId, UUID settingChangeId,
                   List<String> excluded, TieDraw.Result result, String drawnBy) {
        Draw draw = new Draw();
        draw.newFactAbout(clientId, municipalityCode);
        draw.intakeId = intakeId;
        draw.recommendationId = recommendationId;
        draw.settingChangeId = settingChangeId;
        draw.candidates = JsonText.write(result.candidates().stream()
                .map(c -> new StoredCandidate(c.code(), c.probability())).toList());
        draw.excluded = JsonText.write(excluded);
        draw.drawnCode = result.drawn();
        draw.drawnBy = drawnBy;
        return draw;
    }

    /** The draw as the core knows it: candidates, probabilities and the option drawn. */
    public TieDraw.Result result() {
        List<StoredCandidate> stored = JsonText.read(candidates, new TypeReference<List<StoredCandidate>>() { });
        return new TieDraw.Result(stored.stream().map(c -> new TieDraw.Candidate(c.interventionCode(), c.probability())).toList(),
                drawnCode);
    }

    public List<String> excludedCodes() {
        return JsonText.read(excluded, new TypeReference<List<String>>() { });
    }

    static Optional<Draw> ofAdvice(UUID recommendationId) {
        return find("recommendationId", recommendationId).firstResultOptional();
    }

    static List<Draw> ofIntake(UUID intakeId) {
        return list("intakeId = ?1 order by createdAt", intakeId);
    }
}
