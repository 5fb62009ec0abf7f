package nl.trede.core.distance;

import nl.trede.core.digest.Sha256;

/**
 * One model as the registry holds it: its kind ({@code distance}, {@code effects}), its version, the
 * model's bytes and its card (JSON, which names the model's version and SHA-256). The arrays are not
 * copied: an artefact is built once, verified ({@link ModelFiles#verify}) and handed on, never changed.
 */
public record ModelArtefact(String kind, String version, byte[] bytes, byte[] card) {

    public String sha256() {
        return Sha256.hex(bytes);
    }

    public String cardSha256() {
        return Sha256.hex(card);
    }
}
