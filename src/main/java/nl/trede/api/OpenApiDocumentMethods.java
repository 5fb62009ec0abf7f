package nl.trede.api;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * The OpenAPI document is served outside the REST layer, whose handler would answer OPTIONS with
 * POST among its methods: it answers GET and HEAD only, and says so.
 */
@ApplicationScoped
public class OpenApiDocumentMethods {

    private static final String ALLOWED = "GET, HEAD, OPTIONS";

    void route(@Observes Router router) {
        router.route(ApiDesignRulesFilter.BASE_PATH + "/openapi.json").order(-1).handler(context -> {
            HttpMethod method = context.request().method();
            if (method.equals(HttpMethod.GET) || method.equals(HttpMethod.HEAD)) {
                context.next();
            } else if (method.equals(HttpMethod.OPTIONS)) {
                context.response().setStatusCode(204).putHeader(HttpHeaders.ALLOW, ALLOWED).end();
            } else {
                context.response().setStatusCode(405).putHeader(HttpHeaders.ALLOW, ALLOWED)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .end(Json.encode(Problem.of(405, "Method Not Allowed", "The API description is read with GET")));
            }
        });
    }
}
