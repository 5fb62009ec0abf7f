package nl.trede.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.util.UUID;
import nl.trede.api.NotFound;
import nl.trede.audit.AuditTrail;
import nl.trede.audit.AuditTrail.Action;
import nl.trede.client.ClientService;
import nl.trede.core.distance.DistanceScore;
import nl.trede.core.profile.IntakeProfile;
import nl.trede.models.ActiveModels;
import nl.trede.models.ModelSet;
import nl.trede.persistence.JsonText;
import nl.trede.security.CurrentUser;

/** Records intakes with the score the active model gives them. */
@ApplicationScoped
public class IntakeService {

    private final ClientService clients;
    private final ActiveModels models;
    private final CurrentUser user;
    private final AuditTrail audit;
    private final Event<IntakeRecorded> recorded;

    public IntakeService(ClientService clients, ActiveModels models, CurrentUser user, AuditTrail audit,
                         Event<IntakeRecorded> recorded) {
        this.clients = clients;
        this.models = models;
        this.user = user;
        this.audit = audit;
        this.recorded = recorded;
    }

    @Transactional
    public Intake record(IntakeRequest request) {
        UUID clientId = clients.findOrRegister(request.municipalityCode, request.clientReference);
        IntakeProfile profile = request.toProfile();
        ModelSet set = models.current();
        DistanceScore score = set.distance().score(profile);

        Intake intake = new Intake();
        intake.newFactAbout(clientId, request.municipalityCode);
        intake.setProfile(profile);
        intake.probability = score.probability();
        intake.category = score.category().number();
        intake.modelVersion = score.modelVersion();
        intake.factors = JsonText.write(score.factors());
        intake.missingFields = JsonText.write(score.missingFields());
        intake.persist();
        audit.record(Action.CREATE, "intake", intake.id, intake.municipalityCode, intake.modelVersion);
        recorded.fire(new IntakeRecorded(intake.id, clientId, intake.municipalityCode, profile, intake.probability, set));
        return intake;
    }

    /** An intake as a caller reads it; the read is audited. */
    @Transactional
    public Intake read(UUID intakeId) {
        Intake intake = get(intakeId);
        audit.record(Action.READ, "intake", intake.id, intake.municipalityCode, intake.modelVersion);
        return intake;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Intake get(UUID intakeId) {
        Intake intake = Intake.<Intake>findByIdOptional(intakeId).orElseThrow(() -> new NotFound("Intake " + intakeId));
        user.requireVisible(intake.municipalityCode, "Intake", intakeId);
        if (intake.erased) {
            throw new NotFound("Intake " + intakeId);
        }
        return intake;
    }
}
