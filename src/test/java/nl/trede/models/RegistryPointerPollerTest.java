package nl.trede.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/**
 * An instance follows a pointer that another instance moved, by itself: here the row is changed
 * directly in the database, as another instance's promotion would, and nobody calls follow().
 */
@QuarkusTest
class RegistryPointerPollerTest {

    @Inject
    ModelRegistry registry;
    @Inject
    ActiveModels active;

    @Test
    void aPromotionElsewhereIsServedHereWithinThePollInterval() throws Exception {
        long before = registry.pointer().active();
        long candidate = CandidateVersions.register(registry, true);
        long shadow = CandidateVersions.register(registry, true);
        try {
            setPointer(candidate, shadow);
            Duration took = waitFor(active::currentVersion, candidate);
            assertTrue(took.toSeconds() < 5, "followed in " + took + " with a poll interval of 1 s");
            assertEquals(CandidateVersions.distanceOf(registry, candidate), active.current().distance().version());
            waitFor(() -> active.shadow().map(ActiveModels.Numbered::version).orElse(-1L), shadow);
            assertEquals(CandidateVersions.distanceOf(registry, shadow), active.shadow().orElseThrow().set().distance().version());
        } finally {
            setPointer(before, null);
            waitFor(active::currentVersion, before);
        }
        assertTrue(active.shadow().isEmpty());
    }

    private static void setPointer(long activeVersion, Long shadowVersion) {
        QuarkusTransaction.requiringNew().run(() -> {
            ModelPointerRow pointer = ModelPointerRow.locked();
            pointer.activeVersion = activeVersion;
            pointer.shadowVersion = shadowVersion;
        });
    }

    private static Duration waitFor(LongSupplier value, long expected) throws InterruptedException {
        Instant start = Instant.now();
        while (value.getAsLong() != expected) {
            if (Duration.between(start, Instant.now()).toSeconds() > 30) {
                throw new AssertionError("still " + value.getAsLong() + ", not " + expected + " after 30 s");
            }
            Thread.sleep(50);
        }
        return Duration.between(start, Instant.now());
    }
}
