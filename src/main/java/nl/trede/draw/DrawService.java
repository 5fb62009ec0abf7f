package nl.trede.draw;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.trede.api.Conflict;
import nl.trede.api.InvalidInputException;
import nl.trede.api.NotFound;
import nl.trede.api.Problem.InvalidParam;
import nl.trede.api.ProblemCode;
import nl.trede.audit.AuditTrail;
import nl.trede.core.recommend.ShownAdvice;
import nl.trede.core.recommend.TieDraw;
import nl.trede.intake.Intake;
import nl.trede.intake.IntakeService;
import nl.trede.recommendation.Recommendation;
import nl.trede.recommendation.RecommendationService;
import nl.trede.security.CurrentUser;

/**
 * Draws among the options tied with the top of an advice shown ({@link TieDraw}), where the
 * municipality has switched it on, and records the draw once: one per advice, so that it cannot be
 * repeated until it pleases, which would make the recorded probabilities untrue.
 */
@ApplicationScoped
public class DrawService {

    static final String RESOURCE = "tie-draw";

    private final IntakeService intakes;
    private final RecommendationService recommendations;
    private final TieRandomisationService settings;
    private final AuditTrail audit;
    private final CurrentUser user;
    /** Unpredictable, so that nobody can foresee (or steer) which option a draw gives. */
    private final SecureRandom random = new SecureRandom();

    public DrawService(IntakeService intakes, RecommendationService recommendations, TieRandomisationService settings,
                       AuditTrail audit, CurrentUser user) {
        this.intakes = intakes;
        this.recommendations = recommendations;
        this.settings = settings;
        this.audit = audit;
        this.user = user;
    }

    @Transactional
    public Draw draw(UUID intakeId, DrawRequest request) {
        Intake intake = intakes.get(intakeId);
        List<InvalidParam> invalid = new ArrayList<>();
        Optional<Recommendation> named = recommendations.shownFor(intake, request.recommendationId(), invalid);
        if (!invalid.isEmpty()) {
            throw new InvalidInputException(invalid);
        }
        Recommendation advice = named.orElseThrow(() -> new Conflict("No advice was shown for this intake; GET its recommendations "
                + "first, so that the draw is among what the klantmanager saw"));
        TieRandomisationChange allowedBy = settings.switchedOn(intake.municipalityCode).orElseThrow(() -> new Conflict(
                "Municipality " + intake.municipalityCode + " has not switched on randomisation among tied options",
                ProblemCode.TIE_RANDOMISATION_OFF));
        // Two first draws at once: the second waits here for the first, then finds it.
        Recommendation.findById(advice.id, LockModeType.PESSIMISTIC_WRITE);
        Draw.ofAdvice(advice.id).ifPresent(earlier -> {
            throw new Conflict("A draw was already made from this advice (draw " + earlier.id + "); a draw is not repeated",
                    ProblemCode.ALREADY_DRAWN);
        });
        ShownAdvice shown = advice.advice();
        List<String> tied = TieDraw.tiedWithTop(shown);
        if (tied.size() < 2) {
            throw new Conflict("No option of this advice is statistically tied with its top: there is nothing to draw among",
                    ProblemCode.NO_TIE);
        }
        List<String> excluded = request.excludedCodes();
        List<String> candidates = TieDraw.candidates(shown, validExclusions(excluded, tied));
        TieDraw.Result result = TieDraw.draw(candidates, random);
        Draw draw = Draw.of(intake.id, intake.clientId, intake.municipalityCode, advice.id, allowedBy.id, excluded, result, user.id());
        draw.persist();
        audit.record(AuditTrail.Action.CREATE, RESOURCE, draw.id, draw.municipalityCode, advice.effectModelVersion);
        return draw;
    }

    @Transactional
    public Draw read(UUID intakeId, UUID drawId) {
        intakes.get(intakeId);
        Draw draw = Draw.<Draw>findByIdOptional(drawId).filter(d -> d.intakeId.equals(intakeId))
                .orElseThrow(() -> new NotFound("Draw " + drawId));
        audit.record(AuditTrail.Action.READ, RESOURCE, draw.id, draw.municipalityCode, null);
        return draw;
    }

    @Transactional
    public List<Draw> ofIntake(UUID intakeId) {
        Intake intake = intakes.get(intakeId);
        List<Draw> draws = Draw.ofIntake(intakeId);
        draws.forEach(d -> audit.record(AuditTrail.Action.READ, RESOURCE, d.id, intake.municipalityCode, null));
        return draws;
    }

    /**
     * The draw a decision names: it must have been made on this intake, else a problem is added to
     * {@code invalid}; empty when none is named.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Draw> namedFor(UUID intakeId, UUID drawId, List<InvalidParam> invalid) {
        if (drawId == null) {
            return Optional.empty();
        }
        Optional<Draw> draw = Draw.<Draw>findByIdOptional(drawId).filter(d -> d.intakeId.equals(intakeId));
        if (draw.isEmpty()) {
            invalid.add(new InvalidParam("drawId", ProblemCode.UNKNOWN_REFERENCE, "is not a draw made on this intake"));
        }
        return draw;
    }

    /** Every invalid exclusion at once: a code not tied with the top, one listed twice, or so many that fewer than two remain. */
    private static Set<String> validExclusions(List<String> excluded, List<String> tied) {
        List<InvalidParam> invalid = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < excluded.size(); i++) {
            String field = "excluded[" + i + "]";
            if (!tied.contains(excluded.get(i))) {
                invalid.add(new InvalidParam(field, ProblemCode.INVALID_VALUE,
                        "is not one of the options tied with the top of this advice: " + String.join(", ", tied)));
            } else if (!seen.add(excluded.get(i))) {
                invalid.add(new InvalidParam(field, ProblemCode.DUPLICATE, "is listed twice"));
            }
        }
        if (invalid.isEmpty() && tied.size() - seen.size() < 2) {
            invalid.add(new InvalidParam("excluded", ProblemCode.TOO_FEW_CANDIDATES,
                    "leaves fewer than two of the tied options " + String.join(", ", tied) + " to draw among"));
        }
        if (!invalid.isEmpty()) {
            throw new InvalidInputException(invalid);
        }
        return seen;
    }
}
