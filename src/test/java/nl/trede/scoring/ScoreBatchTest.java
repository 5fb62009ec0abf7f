package nl.trede.scoring;

import static nl.trede.Requests.anonymous;
import static nl.trede.Requests.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import nl.trede.api.Problem;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * A caseload in JSON lines gets one answer line per profile, in order: the score POST /scores gives,
 * or in place of a bad line the problem POST /scores would answer; the batch goes on after it.
 */
@QuarkusTest
class ScoreBatchTest {

    private static final String GOOD = "{\"age\": 34, \"monthsOnBenefit\": 14, \"expectsWork\": true}";
    private static final String OUT_OF_RANGE = "{\"age\": 40, \"motivation\": 9}";

    @Test
    void everyLineIsAnsweredInPlaceAndABadLineDoesNotStopTheBatch() {
        String body = GOOD + "\n" + OUT_OF_RANGE + "\n\n{\"age\": \n" + GOOD + "\n";
        String answer = as("case-system-rotterdam").contentType(ScoreBatchResource.JSON_LINES).body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/score-batches").then().statusCode(200).contentType(ScoreBatchResource.JSON_LINES)
                .extract().asString();
        List<JsonPath> lines = answer.lines().map(JsonPath::from).toList();
        assertEquals(4, lines.size(), answer);
        assertEquals(List.of(1, 2, 4, 5), lines.stream().map(l -> l.getInt("line")).toList(), "blank lines are counted, not answered");

        Map<String, Object> single = as("case-system-rotterdam").contentType(ContentType.JSON).body(GOOD).post("/api/v1/scores")
                .then().statusCode(200).extract().jsonPath().getMap("");
        assertEquals(single, lines.get(0).getMap("score"));
        assertEquals(single, lines.get(3).getMap("score"), "the batch goes on after a bad line");

        Map<String, Object> refused = as("case-system-rotterdam").contentType(ContentType.JSON).body(OUT_OF_RANGE)
                .post("/api/v1/scores").then().statusCode(400).extract().jsonPath().getMap("");
        assertEquals(refused, lines.get(1).getMap("problem"));
        assertEquals(400, lines.get(2).getInt("problem.status"));
        assertEquals("Malformed JSON", lines.get(2).getString("problem.title"));
    }

    @Test
    void aCaseloadFarLargerThanASingleRequestIsScoredAndOneOverItsOwnLimitIsRefusedUnread() {
        String caseload = (GOOD + "\n").repeat(2_000); // about 110 KB, over a single request's 64 KiB
        String answer = as("case-system-rotterdam").contentType(ScoreBatchResource.JSON_LINES)
                .body(caseload.getBytes(StandardCharsets.UTF_8)).post("/api/v1/score-batches").then().statusCode(200).extract().asString();
        assertEquals(2_000, answer.lines().filter(line -> line.contains("\"score\"")).count());

        long limit = ConfigProvider.getConfig().getValue("trede.limits.max-batch-body-size", MemorySize.class).asLongValue();
        byte[] tooLarge = (GOOD + "\n").repeat((int) (limit / GOOD.length()) + 1).getBytes(StandardCharsets.UTF_8);
        as("case-system-rotterdam").contentType(ScoreBatchResource.JSON_LINES).body(tooLarge).post("/api/v1/score-batches")
                .then().statusCode(413).contentType(Problem.MEDIA_TYPE).body("title", equalTo("Content Too Large"));
    }

    @Test
    void anEndlessLineIsAnsweredInPlaceWithoutBeingKeptWhole() {
        String endless = "{\"age\": 34, \"note\": \"" + "x".repeat(ScoreBatch.MAX_LINE_CHARACTERS * 3) + "\"}";
        String answer = as("case-system-rotterdam").contentType(ScoreBatchResource.JSON_LINES)
                .body((GOOD + "\r\n" + endless + "\n" + GOOD).getBytes(StandardCharsets.UTF_8)).post("/api/v1/score-batches")
                .then().statusCode(200).extract().asString();
        List<JsonPath> lines = answer.lines().map(JsonPath::from).toList();
        assertEquals(List.of(1, 2, 3), lines.stream().map(l -> l.getInt("line")).toList(), answer);
        assertEquals("too_long", lines.get(1).getString("problem.code"));
        assertEquals(lines.get(0).getMap("score"), lines.get(2).getMap("score"), "a carriage return and a missing last line feed change nothing");
    }

    @Test
    void aBatchNeedsARoleThatMayScore() {
        anonymous().contentType(ScoreBatchResource.JSON_LINES).body((GOOD + "\n").getBytes(StandardCharsets.UTF_8)).post("/api/v1/score-batches")
                .then().statusCode(401);
        as("auditor-rotterdam").contentType(ScoreBatchResource.JSON_LINES).body((GOOD + "\n").getBytes(StandardCharsets.UTF_8)).post("/api/v1/score-batches")
                .then().statusCode(403);
    }
}
