package nl.trede.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.POST;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document offers the Idempotency-Key on every POST that creates something (201, or 202 for queued work); the
 * service must honour it on exactly those: an operation that creates without {@link Idempotent}
 * would document a promise it does not keep.
 */
class IdempotentOperationsTest {

    @Test
    void everyCreatingPostIsIdempotentAndNoOtherOperationIs() throws Exception {
        Set<String> creating = new TreeSet<>();
        Set<String> idempotent = new TreeSet<>();
        for (Method method : resourceMethods()) {
            String name = method.getDeclaringClass().getSimpleName() + "." + method.getName();
            boolean creates = method.isAnnotationPresent(POST.class)
                    && Arrays.stream(method.getAnnotationsByType(APIResponse.class)).anyMatch(r -> r.responseCode().equals("201") || r.responseCode().equals("202"));
            if (creates) {
                creating.add(name);
            }
            if (method.isAnnotationPresent(Idempotent.class)) {
                idempotent.add(name);
            }
        }
        assertEquals(Set.of("AllocationRunResource.createAllocationRun", "DecisionResource.createDecision", "DrawResource.createDraw",
                "IntakeResource.createIntake", "ModelCardResource.createPromotion", "OutcomeResource.createOutcome",
                "TrainingRunResource.createTrainingRun", "TrainingRunResource.createTrainingRunFromCsv"), creating);
        assertEquals(creating, idempotent);
    }

    private static List<Method> resourceMethods() throws IOException, ClassNotFoundException {
        Path classes = Path.of("target", "classes");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes.resolve("nl/trede"))) {
            files = walk.filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().contains("$")).toList();
        }
        List<Method> methods = new ArrayList<>();
        for (Path file : files) {
            String name = classes.relativize(file).toString().replace('/', '.').replaceFirst("\\.class$", "");
            Class<?> type = Class.forName(name, false, IdempotentOperationsTest.class.getClassLoader());
            methods.addAll(Arrays.asList(type.getDeclaredMethods()));
        }
        return methods;
    }
}
