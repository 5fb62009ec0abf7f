package nl.trede.idempotency;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/** The Idempotency-Key header and its answers, as the OpenAPI document describes them on every {@link Idempotent} operation. */
public final class IdempotencyDocumentation {

    private IdempotencyDocumentation() {
    }

    /**
     * An operation is idempotent-keyed when it is a POST that creates something, at once (201) or as queued work (202): the
     * ones carrying {@link Idempotent}.
     */
    public static boolean isKeyed(String method, Operation operation) {
        return "POST".equals(method) && operation.getResponses() != null
                && (operation.getResponses().hasAPIResponse("201") || operation.getResponses().hasAPIResponse("202"));
    }

    /** Adds the header parameter, the replay header and the 409 and 422 answers (their problem content is added with every error's). */
    public static void describe(Operation operation) {
        operation.addParameter(OASFactory.createParameter()
                .name(IdempotencyKey.HEADER).in(Parameter.In.HEADER).required(false)
                .description("Makes a retry safe (IETF draft \"The Idempotency-Key HTTP Header Field\"): a unique value per request, "
                        + "such as a UUID, bare or as a quoted string. The first request with a key is carried out once; a retry "
                        + "with the same key and the same body gets the original status and body (with " + IdempotencyInterceptor.REPLAYED_HEADER
                        + ": true) and creates nothing. Keys belong to the caller (token subject and municipalities) and are kept "
                        + "at least 24 hours. Only successful answers are kept: a refused request may be retried with its key. "
                        + "Without the header every request is carried out.")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(IdempotencyKey.MAX_LENGTH)
                        .example("8e03978e-40d5-43e8-bc93-6894a57f9324")));
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("2")) {
                response.addHeader(IdempotencyInterceptor.REPLAYED_HEADER, OASFactory.createHeader().required(false)
                        .description("true on the answer to a retry: the original answer, replayed")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).addEnumeration("true")));
            }
        });
        String inProgress = "A request with this Idempotency-Key is still being carried out (code request_in_progress): retry after Retry-After seconds";
        if (operation.getResponses().hasAPIResponse("409")) {
            var conflict = operation.getResponses().getAPIResponse("409");
            conflict.description(conflict.getDescription() + "; or: " + inProgress);
        } else {
            operation.getResponses().addAPIResponse("409", OASFactory.createAPIResponse().description(inProgress));
        }
        operation.getResponses().getAPIResponse("409").addHeader("Retry-After", OASFactory.createHeader().required(false)
                .description("Seconds to wait before retrying a request in progress (on code request_in_progress only)")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)));
        operation.getResponses().addAPIResponse("422", OASFactory.createAPIResponse()
                .description("This Idempotency-Key was used for another request (code idempotency_key_reused): send a new key"));
    }
}
