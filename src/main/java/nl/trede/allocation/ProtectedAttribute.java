package nl.trede.allocation;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * The protected attributes a fairness limit can name. Their values are recorded apart (in
 * {@code nl.trede.fairness}, which no model reads); the allocation asks for the groups only through
 * {@link Groups}, implemented there, so that the attributes reach the constraints and never the effects.
 */
public enum ProtectedAttribute {
    GENDER, MIGRATION_BACKGROUND;

    /** The recorded group of each client that has one, by client id. */
    public interface Groups {
        Map<UUID, String> of(ProtectedAttribute attribute, Collection<UUID> clientIds);
    }
}
