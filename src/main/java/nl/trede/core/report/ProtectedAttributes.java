package nl.trede.core.report;

import java.util.Objects;
import java.util.Optional;

/**
 * A client's protected attributes as far as they were recorded (AI Act art. 10(5)): used only to
 * evaluate a model per group, never as a model's input. The values are the recording's own codes
 * (e.g. {@code FEMALE}, {@code OUTSIDE_EUROPE}), so the learning core needs no service types.
 */
public record ProtectedAttributes(Optional<String> gender, Optional<String> migrationBackground) {

    /** Nothing recorded for this client. */
    public static final ProtectedAttributes NONE_RECORDED = new ProtectedAttributes(Optional.empty(), Optional.empty());

    public ProtectedAttributes {
        Objects.requireNonNull(gender, "gender");
        Objects.requireNonNull(migrationBackground, "migrationBackground");
    }
}
