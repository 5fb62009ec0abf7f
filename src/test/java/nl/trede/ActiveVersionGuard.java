package nl.trede;

import java.util.Map;
import nl.trede.models.ActiveModels;
import nl.trede.models.ModelRegistry;

/**
 * What a test that promotes, shadows or rolls back must put back: the other tests in the same
 * application expect the model version that was active when it started, and no shadow.
 */
public final class ActiveVersionGuard {

    private static final Caller ADMIN = Caller.of("admin", "GM0599");

    private final ModelRegistry registry;
    private final ActiveModels active;
    private final long startVersion;

    private ActiveVersionGuard(ModelRegistry registry, ActiveModels active) {
        this.registry = registry;
        this.active = active;
        this.startVersion = registry.pointer().active();
    }

    /** Call before the test (in a {@code @BeforeEach}); {@link #restore()} after it. */
    public static ActiveVersionGuard remember(ModelRegistry registry, ActiveModels active) {
        return new ActiveVersionGuard(registry, active);
    }

    public long startVersion() {
        return startVersion;
    }

    public void restore() {
        if (registry.pointer().shadow() != null) {
            ADMIN.given().delete("/api/v1/models/shadow").then().statusCode(204);
        }
        if (registry.pointer().active() != startVersion) {
            ADMIN.post("/api/v1/models/rollbacks", Map.of("version", startVersion, "reason", "test clean-up")).statusCode(200);
        }
        active.follow();
    }
}
