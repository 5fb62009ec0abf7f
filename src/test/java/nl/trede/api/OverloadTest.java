package nl.trede.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.trede.Caller;
import nl.trede.Requests;
import org.junit.jupiter.api.Test;

/**
 * Far past its capacity the service refuses what it cannot carry out, at once and as problem+json,
 * instead of queueing it: a caller over its rate limit gets 429, a request beyond the concurrency
 * limit 503, a body over the size limit 413; each with what the client needs to retry.
 */
@QuarkusTest
@TestProfile(OverloadTest.LowLimits.class)
class OverloadTest {

    /** Three requests per minute per caller; two requests carried out at once. */
    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("trede.rate-limit.requests", "3", "trede.rate-limit.window", "60s",
                    "trede.overload.max-concurrent-requests", "2");
        }
    }

    @TestHTTPResource("/")
    URL service;

    @Test
    void aCallerOverItsRateLimitGets429WithRetryAfterWhileOthersGoOn() {
        Caller greedy = Caller.klantmanagerOf("GM0202");
        for (int remaining = 2; remaining >= 0; remaining--) {
            greedy.given().get("/api/v1/interventions").then().statusCode(200)
                    .header("RateLimit-Policy", "\"caller\";q=3;w=60")
                    .header("RateLimit", startsWith("\"caller\";r=" + remaining + ";t="));
        }
        greedy.given().get("/api/v1/interventions").then()
                .statusCode(429).contentType(Problem.MEDIA_TYPE)
                .header("Retry-After", matchesPattern("1[0-9]|20")).header("RateLimit", startsWith("\"caller\";r=0;t="))
                .body("status", equalTo(429), "code", equalTo("rate_limited"));
        Caller.klantmanagerOf("GM0203").given().get("/api/v1/interventions").then().statusCode(200);
    }

    @Test
    void aRequestBeyondTheConcurrencyLimitGets503AtOnce() throws Exception {
        List<Socket> slowUploads = new ArrayList<>();
        try {
            // Two requests in flight: their headers sent, their bodies never.
            for (String municipality : List.of("GM0204", "GM0205")) {
                Socket socket = new Socket(service.getHost(), service.getPort());
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/v1/scores HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Authorization: Bearer " + Caller.klantmanagerOf(municipality).token() + "\r\nContent-Length: 500\r\n\r\n{")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                slowUploads.add(socket);
            }
            Thread.sleep(500);
            Caller.klantmanagerOf("GM0206").given().get("/api/v1/interventions").then()
                    .statusCode(503).contentType(Problem.MEDIA_TYPE).header("Retry-After", "1")
                    .body("status", equalTo(503), "code", equalTo("overloaded"));
        } finally {
            for (Socket socket : slowUploads) {
                socket.close();
            }
        }
        Thread.sleep(500);
        Caller.klantmanagerOf("GM0207").given().get("/api/v1/interventions").then().statusCode(200);
    }

    @Test
    void aBodyOverTheSizeLimitGets413AsProblem() {
        Map<String, Object> body = Requests.intake();
        body.put("clientReference", "x".repeat(70_000));
        Caller.of("case-system", "GM0208").given().contentType(ContentType.JSON).body(body).post("/api/v1/intakes").then()
                .statusCode(413).contentType(Problem.MEDIA_TYPE).body("status", equalTo(413), "title", equalTo("Content Too Large"));
        assertEquals(413, Caller.of("case-system", "GM0209").given().contentType(ContentType.JSON).body(body)
                .post("/api/v1/scores").statusCode());
    }

    /** Without a Content-Length the body is cut off at the same limit as it is read, not at the batch limit Vert.x has. */
    @Test
    void aBodyOverTheSizeLimitWithoutADeclaredLengthIsCutOffAt413() throws Exception {
        try (Socket socket = new Socket(service.getHost(), service.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/scores HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nAuthorization: Bearer "
                    + Caller.of("case-system", "GM0210").token() + "\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            try {
                // one text value of 160 KB, over the 64 KiB limit and far under the batch limit
                for (int i = 0; i < 20; i++) {
                    String chunk = (i == 0 ? "{\"clientReference\": \"" : "") + "x".repeat(8_000);
                    out.write((Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (java.io.IOException closedEarly) {
                // the service may close the connection as soon as the limit is passed
            }
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            assertEquals("HTTP/1.1 413 Request Entity Too Large", statusLine);
        }
    }
}
