package nl.trede.models;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.trede.core.digest.Sha256;
import nl.trede.core.distance.ModelArtefact;
import nl.trede.core.distance.ModelFiles;
import nl.trede.core.distance.ModelIntegrityException;
import org.jboss.logging.Logger;

/**
 * The model registry: the artefacts the service may answer with, in the database, and which version
 * of each kind is active. It knows artefacts as {@code (kind, version, bytes, card)} and no trainer;
 * every artefact passes {@link ModelFiles#verify} when it is registered and again when it is read,
 * so a row changed behind the service's back is refused like a changed file.
 */
@ApplicationScoped
public class ModelRegistry {

    private static final Logger LOG = Logger.getLogger(ModelRegistry.class);

    /** A registered card as the models page shows it; the model's bytes stay in the table. */
    public record Card(String kind, String version, byte[] card, boolean matchesItsHash) {
    }

    /**
     * On first start (an empty registry) registers the active models of the models directory and
     * activates them; refuses, and so stops the start-up, when a file does not match its hash.
     */
    @Transactional
    public void seedIfEmpty(Path modelsDirectory) {
        if (RegisteredModel.count() > 0) {
            return;
        }
        for (String kind : ModelFiles.activeKinds(modelsDirectory)) {
            ModelArtefact artefact = ModelFiles.readActive(modelsDirectory, kind);
            register(artefact.kind(), artefact.version(), artefact.bytes(), artefact.card());
            RegisteredModel.<RegisteredModel>findById(artefact.version()).active = true;
            LOG.infof("Registered %s from %s", artefact.version(), modelsDirectory.toAbsolutePath());
        }
    }

    /** Registers a model version, not yet active. Refuses a card that does not vouch for these bytes or this version. */
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
        row.active = false;
        row.registeredAt = Instant.now();
        row.persist();
    }

    /** The active artefact of each kind, verified against the hashes recorded when it was registered. */
    @Transactional
    public Map<String, ModelArtefact> active() {
        Map<String, ModelArtefact> active = new TreeMap<>();
        for (RegisteredModel row : RegisteredModel.<RegisteredModel>list("active", true)) {
            ModelArtefact artefact = row.artefact();
            ModelFiles.verify(artefact, row.sha256, row.cardSha256);
            if (active.put(row.kind, artefact) != null) {
                throw new ModelIntegrityException("The registry has two active " + row.kind + " models");
            }
        }
        return active;
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
}
