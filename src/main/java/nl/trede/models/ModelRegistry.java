package nl.trede.models;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import nl.trede.api.NotFound;
import nl.trede.audit.AuditTrail;
import nl.trede.core.catalogue.Catalogue;
import nl.trede.core.digest.Sha256;
import nl.trede.core.distance.ModelArtefact;
import nl.trede.core.distance.ModelFiles;
import nl.trede.core.distance.ModelIntegrityException;
import nl.trede.core.effects.LearnedEffectModel;
import org.jboss.logging.Logger;

/**
 * The model registry: the artefacts the service may answer with, in the database; the numbered
 * versions (sets of artefacts) made of them; and the pointer that says which version is active and
 * which shadows it, with the history of every move of that pointer. It knows artefacts as
 * {@code (kind, version, bytes, card)} and no trainer; every artefact passes {@link ModelFiles#verify}
 * when it is registered and again when it is read, so a row changed behind the service's back is
 * refused like a changed file.
 */
@ApplicationScoped
public class ModelRegistry {

    private static final Logger LOG = Logger.getLogger(ModelRegistry.class);
    /** The account recorded for what the service does by itself (seeding). */
    static final String SYSTEM = "system";

    private final AuditTrail audit;

    public ModelRegistry(AuditTrail audit) {
        this.audit = audit;
    }

    /** A registered card as the models page shows it; the model's bytes stay in the table. */
    public record Card(String kind, String version, byte[] card, boolean matchesItsHash) {
    }

    /** Which version is active and which one shadows it (absent when none), as the database says now. */
    public record Pointer(Long active, Long shadow) {
    }

    /** A version's verified artefacts by kind, ready to deserialise. */
    public record Artefacts(long version, Map<String, ModelArtefact> byKind) {
    }

    /** What a new version consists of. The report is the candidate's evaluation against the version named. */
    public record NewVersion(String distanceVersion, String effectsVersion, String provenanceJson, String registeredBy,
                             byte[] reportJson, byte[] reportHtml, Long evaluatedAgainst) {
    }

    /**
     * On first start (no active version yet) registers the active models of the models directory as
     * version 1 and activates it; refuses, and so stops the start-up, when a file does not match its
     * hash. Instances starting at once on an empty database take the pointer row's lock in turn: the
     * first seeds, the others wait for it and then find the registry seeded.
     */
    @Transactional
    public void seedIfEmpty(Path modelsDirectory) {
        ModelPointerRow pointer = ModelPointerRow.locked();
        if (pointer.activeVersion != null) {
            return;
        }
        Map<String, String> versions = new TreeMap<>();
        for (String kind : ModelFiles.activeKinds(modelsDirectory)) {
            ModelArtefact artefact = ModelFiles.readActive(modelsDirectory, kind);
            RegisteredModel existing = RegisteredModel.findById(artefact.version());
            if (existing == null) {
                register(artefact.kind(), artefact.version(), artefact.bytes(), artefact.card());
            } else {
                ModelFiles.verify(existing.artefact(), artefact.sha256(), artefact.cardSha256());
            }
            versions.put(kind, artefact.version());
            LOG.infof("Registered %s from %s", artefact.version(), modelsDirectory.toAbsolutePath());
        }
        long version = registerVersion(nextVersionNumber(), new NewVersion(versions.get(ModelFiles.DISTANCE),
                versions.get(LearnedEffectModel.KIND), "{\"source\":\"the models directory (registry.json) on first start\"}",
                SYSTEM, null, null, null));
        Instant now = now();
        pointer.activeVersion = version;
        pointer.changedAt = now;
        ModelEventRow event = appendEvent(ModelEvent.Kind.SEEDED, null, version, SYSTEM, null,
                "the active models of the models directory, on first start", null, null, now);
        audit.recordAs(SYSTEM, "", AuditTrail.Action.CREATE, ModelEvent.class.getSimpleName(), event.id, null,
                Long.toString(version));
    }

    /** Registers a model artefact. Refuses a card that does not vouch for these bytes or this version. */
    @Transactional
    public void register(String kind, String version, byte[] bytes, byte[] card) {
        ModelArtefact artefact = new ModelArtefact(kind, version, bytes, card);
        ModelFiles.verify(artefact, artefact.sha256(), artefact.cardSha256());
        if (RegisteredModel.findById(version) != null) {
            throw new IllegalArgumentException("Model version " + version + " is already registered");
        }
        RegisteredModel row = new RegisteredModel();
        row.version = version;
        row.kind = kind;
        row.content = bytes;
        row.sha256 = artefact.sha256();
        row.card = card;
        row.cardSha256 = artefact.cardSha256();
        row.registeredAt = Instant.now();
        row.persist();
    }

    /** A fresh version number from the database's sequence: never the same twice, whoever else asks at the same time. */
    @Transactional
    public long nextVersionNumber() {
        return ((Number) ModelVersionRow.getEntityManager().createNativeQuery("SELECT nextval('model_version_number')")
                .getSingleResult()).longValue();
    }

    /** Registers a version under a number from {@link #nextVersionNumber()}; it starts as a candidate. */
    @Transactional
    public long registerVersion(long number, NewVersion version) {
        for (String artefact : new String[] {version.distanceVersion(), version.effectsVersion()}) {
            if (artefact != null && RegisteredModel.findById(artefact) == null) {
                throw new IllegalArgumentException("Model artefact " + artefact + " is not registered");
            }
        }
        ModelVersionRow row = new ModelVersionRow();
        row.version = number;
        row.distanceVersion = version.distanceVersion();
        row.effectsVersion = version.effectsVersion();
        row.catalogueVersion = Catalogue.STARTING.version();
        row.registeredAt = now();
        row.registeredBy = version.registeredBy();
        row.provenance = version.provenanceJson();
        row.reportJson = version.reportJson();
        row.reportHtml = version.reportHtml();
        row.reportSha256 = version.reportJson() == null ? null : Sha256.hex(version.reportJson());
        row.evaluatedAgainst = version.evaluatedAgainst();
        row.persist();
        return number;
    }

    @Transactional
    public Pointer pointer() {
        ModelPointerRow row = ModelPointerRow.findById(ModelPointerRow.ID);
        return new Pointer(row.activeVersion, row.shadowVersion);
    }

    /** The artefacts of a version, verified against the hashes recorded when they were registered. */
    @Transactional
    public Artefacts artefacts(long version) {
        ModelVersionRow row = ModelVersionRow.findById(version);
        if (row == null) {
            throw new NotFound("Model version " + version);
        }
        Map<String, ModelArtefact> byKind = new TreeMap<>();
        for (String name : new String[] {row.distanceVersion, row.effectsVersion}) {
            if (name != null) {
                RegisteredModel artefact = RegisteredModel.findById(name);
                ModelArtefact verified = artefact.artefact();
                ModelFiles.verify(verified, artefact.sha256, artefact.cardSha256);
                byKind.put(artefact.kind, verified);
            }
        }
        if (!row.catalogueVersion.equals(Catalogue.STARTING.version())) {
            throw new ModelIntegrityException("Model version " + version + " needs catalogue " + row.catalogueVersion
                    + ", which this build does not have");
        }
        return new Artefacts(version, byKind);
    }

    /** The active version's artefacts by kind, verified. */
    @Transactional
    public Map<String, ModelArtefact> active() {
        Long active = pointer().active();
        if (active == null) {
            throw new ModelIntegrityException("The model registry has no active version");
        }
        return artefacts(active).byKind();
    }

    /** Every registered card, by version, each with whether it is still the card that was registered. */
    @Transactional
    public List<Card> cards() {
        return RegisteredModel.getEntityManager()
                .createQuery("select r.kind, r.version, r.card, r.cardSha256 from RegisteredModel r order by r.version",
                        Object[].class)
                .getResultStream()
                .map(r -> new Card((String) r[0], (String) r[1], (byte[]) r[2], Sha256.hex((byte[]) r[2]).equals(r[3])))
                .toList();
    }

    /** Every version, newest first, without its report's bytes. */
    @Transactional
    List<ModelVersionRow> versions() {
        return ModelVersionRow.list("order by version desc");
    }

    /** Whether a version with this number is registered. */
    @Transactional
    public boolean exists(long version) {
        return ModelVersionRow.count("version", version) > 0;
    }

    @Transactional
    Optional<ModelVersionRow> version(long version) {
        return ModelVersionRow.<ModelVersionRow>findByIdOptional(version);
    }

    /** The history of the pointer, oldest first. */
    @Transactional
    public List<ModelEvent> events() {
        return ModelEventRow.<ModelEventRow>list("order by seq").stream().map(ModelEventRow::view).toList();
    }

    /** The event that made the version live at {@code at} active, if any version was live then. */
    @Transactional
    public Optional<ModelEvent> liveAt(Instant at) {
        return ModelEventRow.<ModelEventRow>find("kind in ?1 and occurredAt <= ?2 order by seq desc",
                ModelEvent.Kind.ACTIVATING, at).firstResultOptional().map(ModelEventRow::view);
    }

    /**
     * Appends an event. Call with the pointer row locked: its time is never before the previous
     * event's (clocks of instances differ a little), so "which version was live at t" follows the
     * order in which the pointer moved.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    ModelEventRow appendEvent(ModelEvent.Kind kind, Long from, Long to, String actor, String proposedBy, String reason,
                              String reportSha256, UUID promotionId, Instant now) {
        ModelEventRow last = ModelEventRow.<ModelEventRow>find("order by seq desc").firstResult();
        ModelEventRow event = new ModelEventRow();
        event.seq = ((Number) ModelEventRow.getEntityManager().createNativeQuery("SELECT nextval('model_event_seq')")
                .getSingleResult()).longValue();
        event.id = UUID.randomUUID();
        event.occurredAt = last == null || now.isAfter(last.occurredAt) ? now : last.occurredAt;
        event.kind = kind;
        event.fromVersion = from;
        event.toVersion = to;
        event.actor = actor;
        event.proposedBy = proposedBy;
        event.reason = reason;
        event.reportSha256 = reportSha256;
        event.promotionId = promotionId;
        event.persist();
        return event;
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
