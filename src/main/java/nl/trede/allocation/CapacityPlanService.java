package nl.trede.allocation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.trede.api.InvalidInputException;
import nl.trede.api.NotFound;
import nl.trede.api.Problem.InvalidParam;
import nl.trede.api.ProblemCode;
import nl.trede.audit.AuditTrail;
import nl.trede.core.catalogue.Catalogue;
import nl.trede.core.catalogue.Intervention;
import nl.trede.models.ActiveModels;
import nl.trede.persistence.JsonText;
import nl.trede.security.CurrentUser;

/** Keeps each municipality's places, costs and budget per period, every change a new audited version. */
@ApplicationScoped
public class CapacityPlanService {

    static final String RESOURCE = "capacity-plan";

    private final ActiveModels models;
    private final CurrentUser user;
    private final AuditTrail audit;

    public CapacityPlanService(ActiveModels models, CurrentUser user, AuditTrail audit) {
        this.models = models;
        this.user = user;
        this.audit = audit;
    }

    @Transactional
    public CapacityPlanView set(String municipalityCode, String period, CapacityPlanRequest request) {
        user.requireActingFor(municipalityCode);
        List<CapacityPlan.Place> places = validPlaces(request, models.current().catalogue());
        CapacityPlan plan = new CapacityPlan();
        plan.id = UUID.randomUUID();
        // The audit entry takes the trail's head lock first, so concurrent changes of a plan number their versions one after the other.
        audit.record(AuditTrail.Action.CREATE, RESOURCE, plan.id, municipalityCode, null);
        plan.municipalityCode = municipalityCode;
        plan.period = period;
        plan.version = CapacityPlan.current(municipalityCode, period).map(p -> p.version + 1).orElse(1);
        plan.budgetEuros = request.budgetEuros();
        plan.places = JsonText.write(places);
        plan.createdAt = Instant.now();
        plan.createdBy = user.id();
        plan.persist();
        return CapacityPlanView.of(plan);
    }

    @Transactional
    public CapacityPlanView get(String municipalityCode, String period) {
        CapacityPlan plan = inForce(municipalityCode, period)
                .orElseThrow(() -> new NotFound("Capacity plan of " + municipalityCode + " for " + period));
        audit.record(AuditTrail.Action.READ, RESOURCE, plan.id, municipalityCode, null);
        return CapacityPlanView.of(plan);
    }

    /** The plan in force, for a caller who acts for the municipality. */
    @Transactional(Transactional.TxType.MANDATORY)
    Optional<CapacityPlan> inForce(String municipalityCode, String period) {
        user.requireActingFor(municipalityCode);
        return CapacityPlan.current(municipalityCode, period);
    }

    /** Every invalid place at once: a code not in the catalogue, NONE (which needs no place), a code listed twice. */
    private static List<CapacityPlan.Place> validPlaces(CapacityPlanRequest request, Catalogue catalogue) {
        List<InvalidParam> invalid = new ArrayList<>();
        List<CapacityPlan.Place> places = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < request.places().size(); i++) {
            CapacityPlanRequest.PlaceRequest place = request.places().get(i);
            String field = "places[" + i + "].interventionCode";
            Optional<Intervention> intervention = catalogue.find(place.interventionCode());
            if (intervention.isEmpty() || intervention.get().isNone()) {
                invalid.add(new InvalidParam(field, ProblemCode.INVALID_VALUE,
                        "must be an intervention of catalogue " + catalogue.version() + " other than NONE"));
            } else if (!seen.add(place.interventionCode())) {
                invalid.add(new InvalidParam(field, ProblemCode.DUPLICATE, "is listed twice"));
            } else {
                double cost = place.costEuros() == null ? intervention.get().costEuros() : place.costEuros();
                places.add(new CapacityPlan.Place(place.interventionCode(), place.places(), cost));
            }
        }
        if (!invalid.isEmpty()) {
            throw new InvalidInputException(invalid);
        }
        return places;
    }
}
