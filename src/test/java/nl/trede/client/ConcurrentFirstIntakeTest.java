package nl.trede.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import nl.trede.Caller;
import nl.trede.Requests;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Case systems retry and run in parallel: simultaneous first intakes for one client reference all
 * succeed, as intakes of one and the same client (the client table's unique key must not turn the
 * race into a 500 or into two clients).
 */
@QuarkusTest
class ConcurrentFirstIntakeTest {

    private final Caller caseSystem = Caller.of("case-system", "GM0518");

    @ParameterizedTest(name = "{0} at once")
    @ValueSource(ints = {20, 50})
    void simultaneousFirstIntakesOfOneReferenceAreIntakesOfOneClient(int requests) throws Exception {
        Map<String, Object> intake = Requests.intake();
        intake.put("municipalityCode", caseSystem.municipality());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                Callable<Response> post = () -> {
                    start.await();
                    return caseSystem.given().contentType(ContentType.JSON).body(intake).post("/api/v1/intakes");
                };
                answers.add(pool.submit(post));
            }
            start.countDown();
            Map<Integer, Integer> statuses = new TreeMap<>();
            List<String> clientIds = new ArrayList<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                statuses.merge(response.statusCode(), 1, Integer::sum);
                if (response.statusCode() == 201) {
                    clientIds.add(response.path("clientId"));
                }
            }
            assertEquals(Map.of(201, requests), statuses, "every simultaneous first intake is recorded");
            Set<String> clients = Set.copyOf(clientIds);
            assertEquals(1, clients.size(), "one reference is one client: " + clients);

            List<String> timeline = caseSystem.given().get("/api/v1/clients/" + clients.iterator().next())
                    .then().statusCode(200).extract().path("timeline.type");
            assertEquals(Map.of("INTAKE", (long) requests),
                    timeline.stream().collect(Collectors.groupingBy(type -> type, Collectors.counting())));
        } finally {
            pool.shutdownNow();
        }
    }
}
