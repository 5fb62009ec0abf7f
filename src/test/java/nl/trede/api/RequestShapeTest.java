package nl.trede.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import nl.trede.Caller;
import nl.trede.Requests;
import org.junit.jupiter.api.Test;

/**
 * Requests in shapes a case system's HTTP client or a proxy may send, written byte for byte on a
 * socket: HTTP/1.0 without a {@code Host} header (legal in HTTP/1.0) gets a normal answer, never a
 * 500 or a stack trace in the log.
 */
@QuarkusTest
class RequestShapeTest {

    private static final Path LOG = Path.of("target", "test-run.log");

    @TestHTTPResource("/")
    URL server;

    @Test
    void http10WithoutHostGetsTheOpenApiDocument() throws IOException {
        String answer = send("GET /api/v1/openapi.json HTTP/1.0\r\n\r\n");
        assertEquals("HTTP/1.0 200 OK", statusLine(answer), answer);
        assertTrue(answer.contains("\"openapi\""), "the answer is the OpenAPI document");
    }

    @Test
    void http10WithoutHostIsAnsweredOnEveryKindOfEndpoint() throws IOException {
        long logBefore = logSize();
        Caller caller = Caller.klantmanagerOf("GM0363");
        String token = "Authorization: Bearer " + caller.token() + "\r\n";
        Map<String, Object> intake = Requests.intake();
        intake.put("municipalityCode", caller.municipality());
        byte[] body = new ObjectMapper().writeValueAsBytes(intake);

        String created = send("POST /api/v1/intakes HTTP/1.0\r\n" + token + "Content-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n" + new String(body, StandardCharsets.UTF_8));
        assertEquals("HTTP/1.0 201 Created", statusLine(created), created);
        assertTrue(created.lines().anyMatch(line -> line.startsWith("Location: http://")
                        && line.contains(":" + server.getPort() + "/api/v1/intakes/")),
                "a 201 says where the intake is, on the socket the caller reached: " + created);

        assertEquals("HTTP/1.0 401 Unauthorized", statusLine(send("GET /api/v1/interventions HTTP/1.0\r\n\r\n")));
        assertEquals("HTTP/1.0 200 OK", statusLine(send("GET /api/v1/interventions HTTP/1.0\r\n" + token + "\r\n")));
        assertEquals("HTTP/1.0 404 Not Found", statusLine(send("GET /api/v1/interventions/ HTTP/1.0\r\n" + token + "\r\n")));
        assertEquals("HTTP/1.0 200 OK", statusLine(send("GET / HTTP/1.0\r\n\r\n")));
        byte[] logAfter = Files.readAllBytes(LOG);
        String log = new String(logAfter, (int) logBefore, logAfter.length - (int) logBefore, StandardCharsets.UTF_8);
        assertFalse(log.contains("Unhandled") || log.contains("Exception"), "nothing failed in the service: " + log);
    }

    @Test
    void http11WithoutHostIsABadRequestAsRfc9112Demands() throws IOException {
        String answer = send("GET /api/v1/openapi.json HTTP/1.1\r\nConnection: close\r\n\r\n");
        assertEquals("HTTP/1.1 400 Bad Request", statusLine(answer), answer);
    }

    @Test
    void requestTargetsThatAreNoValidUriAreNotAServerError() throws IOException {
        for (String target : new String[] {"/api/v1/intakes/a{b}", "/api/v1/intakes/x%zz", "/api/v1/intakes/%", "/api/v1/interventions?a=%zz&b={"}) {
            for (String host : new String[] {"Host: localhost\r\n", ""}) {
                String answer = send("GET " + target + " HTTP/1.0\r\n" + host + "\r\n");
                assertFalse(statusLine(answer).contains(" 5"), target + " " + host + answer);
            }
        }
    }

    private String send(String request) throws IOException {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String statusLine(String answer) {
        return answer.lines().findFirst().orElse("");
    }

    private static long logSize() throws IOException {
        return Files.exists(LOG) ? Files.size(LOG) : 0;
    }
}
