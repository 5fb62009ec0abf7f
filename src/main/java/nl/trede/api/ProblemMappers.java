package nl.trede.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.sql.SQLException;
import java.time.temporal.Temporal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.trede.security.Forbidden;
import org.hibernate.validator.engine.HibernateConstraintViolation;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into {@code application/problem+json}. Invalid input is 400 and names each
 * wrong field; nothing echoes the submitted values or a stack trace, because they may hold
 * personal data.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Inject
    Validator validator;

    @Inject
    AllowedMethods allowedMethods;

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        return respond(problemOf(e.getConstraintViolations()));
    }

    /** The problem of a body whose fields violate their constraints. */
    public static Problem problemOf(Set<? extends ConstraintViolation<?>> violations) {
        return Problem.invalid(violations(violations.stream()).toList());
    }

    @ServerExceptionMapper
    public Response invalidFields(StrictJson.InvalidFields e) {
        return respond(problemOf(e, validator));
    }

    /** Fields that could not be read, and the Bean Validation violations of those that could: all in one answer. */
    private static Problem problemOf(StrictJson.InvalidFields e, Validator validator) {
        // A field that could not be read is left out of the partial object: its "required" is no news.
        Set<String> unreadable = e.invalidParams().stream().map(p -> p.name().replaceFirst("[.\\[].*", ""))
                .collect(Collectors.toSet());
        Stream<Problem.InvalidParam> violations = e.partial() == null ? Stream.empty()
                : violations(validator.validate(e.partial()).stream()).filter(p -> !unreadable.contains(p.name()));
        return Problem.invalid(Stream.concat(e.invalidParams().stream(), violations)
                .sorted(Comparator.comparing(Problem.InvalidParam::name)).toList());
    }

    private static Stream<Problem.InvalidParam> violations(Stream<? extends ConstraintViolation<?>> violations) {
        return violations.map(v -> new Problem.InvalidParam(fieldName(v), code(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.InvalidParam::name));
    }

    /** The code of a violated constraint: the one its validator gave, or else by the kind of constraint. */
    private static ProblemCode code(ConstraintViolation<?> violation) {
        ProblemCode given = ((HibernateConstraintViolation<?>) violation.unwrap(HibernateConstraintViolation.class))
                .getDynamicPayload(ProblemCode.class);
        if (given != null) {
            return given;
        }
        Class<? extends Annotation> constraint = violation.getConstraintDescriptor().getAnnotation().annotationType();
        if (constraint == NotNull.class || constraint == NotBlank.class || constraint == NotEmpty.class) {
            return ProblemCode.REQUIRED;
        }
        if (constraint == Min.class || constraint == Max.class || constraint == DecimalMin.class || constraint == DecimalMax.class
                || constraint == PastOrPresent.class) {
            return ProblemCode.OUT_OF_RANGE;
        }
        if (constraint == Size.class) {
            return ProblemCode.TOO_LONG; // every @Size in the API sets a maximum only
        }
        if (constraint == Pattern.class) {
            return ProblemCode.INVALID_FORMAT;
        }
        return ProblemCode.INVALID_VALUE;
    }

    @ServerExceptionMapper
    public Response invalidInput(InvalidInputException e) {
        return respond(Problem.invalid(e.invalidParams()));
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return unauthenticatedResponse();
    }

    @ServerExceptionMapper
    public Response badToken(AuthenticationFailedException e) {
        return unauthenticatedResponse();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of(403, "Forbidden", "Your role may not do this"));
    }

    @ServerExceptionMapper
    public Response otherMunicipality(Forbidden e) {
        return respond(Problem.of(403, "Forbidden", e.getMessage()));
    }

    private static Response unauthenticatedResponse() {
        Problem problem = Problem.of(401, "Unauthorized", "A valid bearer token is required");
        return Response.status(401).header("WWW-Authenticate", "Bearer").type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    @ServerExceptionMapper
    public Response notFound(NotFound e) {
        return respond(Problem.of(404, "Not found", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response conflict(Conflict e) {
        return respond(Problem.of(409, "Conflict", e.getMessage(), e.code()));
    }

    /** Declared apart so it takes precedence over Quarkus' own mapper for this type. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return respond(problemOf(e, validator));
    }

    /**
     * The problem of a body that could not be read into its object (with the Bean Validation
     * violations of the fields that could be read): what a request gets, and what a batch line gets.
     */
    public static Problem problemOf(JsonProcessingException e, Validator validator) {
        if (e instanceof StrictJson.InvalidFields fields) {
            return problemOf(fields, validator);
        }
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return Problem.invalid(List.of(invalidParam("", mismatch)));
        }
        if (e instanceof MismatchedInputException) {
            return Problem.of(400, "Invalid input", "The request body must be a JSON object");
        }
        return Problem.of(400, "Malformed JSON", "The request body is not valid JSON"
                + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr()
                        + ", column " + e.getLocation().getColumnNr() + ")"));
    }

    /** A 405 names the methods the path does answer (RFC 9110 §15.5.6). */
    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, HttpServerRequest request) {
        Response problem = respond(Problem.of(405, "Method Not Allowed", describe(405)));
        return allowedMethods.route(request.path())
                .map(route -> Response.fromResponse(problem).header(HttpHeaders.ALLOW, route.allow()).build())
                .orElse(problem);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException cause) {
            return json(cause);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        return respond(Problem.of(status.getStatusCode(), status.getReasonPhrase(), describe(status.getStatusCode())));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (DatabaseUnavailable.causedBy(e)) {
            LOG.warnf("Database unreachable (%s): answered 503", e.getClass().getName());
            return Response.fromResponse(respond(Problem.of(503, "Service Unavailable",
                            "The database cannot be reached at the moment. Retry after " + DatabaseUnavailable.RETRY_AFTER_SECONDS
                                    + " seconds with the same Idempotency-Key: the request is then carried out once,"
                                    + " whether or not this attempt got through")))
                    .header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS).build();
        }
        String incident = UUID.randomUUID().toString();
        // Class and frames only: exception messages can carry submitted values.
        LOG.errorf("Unhandled %s, incident %s at %s; caused by %s", e.getClass().getName(), incident,
                Arrays.stream(e.getStackTrace()).limit(12).map(String::valueOf).collect(Collectors.joining(" < ")), causes(e));
        return respond(Problem.of(500, "Internal error",
                "The request could not be completed; report incident " + incident));
    }

    /** The classes of the causes and suppressed exceptions below {@code e}, with a database error's SQL state: no messages. */
    static String causes(Throwable e) {
        List<String> names = new ArrayList<>();
        Deque<Throwable> pending = new ArrayDeque<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.add(e);
        pending.addAll(Arrays.asList(e.getSuppressed()));
        if (e.getCause() != null) {
            pending.add(e.getCause());
        }
        while (!pending.isEmpty() && names.size() < 12) {
            Throwable cause = pending.poll();
            if (!seen.add(cause)) {
                continue;
            }
            names.add(cause instanceof SQLException sql ? cause.getClass().getName() + " (SQL state " + sql.getSQLState() + ")"
                    : cause.getClass().getName());
            pending.addAll(Arrays.asList(cause.getSuppressed()));
            if (cause.getCause() != null) {
                pending.add(cause.getCause());
            }
        }
        return names.isEmpty() ? "nothing" : String.join(" < ", names);
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** The field that Jackson could not read, named by {@code prefix} and the exception's path below it. */
    static Problem.InvalidParam invalidParam(String prefix, MismatchedInputException e) {
        String below = jsonPath(e);
        String name = prefix.isEmpty() ? below : below.isEmpty() ? prefix : below.startsWith("[") ? prefix + below : prefix + "." + below;
        if (e instanceof StrictJson.RefusedValue refused) {
            return new Problem.InvalidParam(name, refused.code(), refused.getOriginalMessage());
        }
        if (e instanceof UnrecognizedPropertyException) {
            return new Problem.InvalidParam(name, ProblemCode.UNKNOWN_FIELD, "unknown field");
        }
        Class<?> target = e.getTargetType();
        if (target != null && target.isEnum()) {
            return new Problem.InvalidParam(name, ProblemCode.INVALID_VALUE, expectation(e));
        }
        if (e instanceof InvalidFormatException && target != null && Temporal.class.isAssignableFrom(target)) {
            return new Problem.InvalidParam(name, ProblemCode.INVALID_FORMAT, expectation(e));
        }
        return new Problem.InvalidParam(name, ProblemCode.WRONG_TYPE, expectation(e));
    }

    private static String expectation(MismatchedInputException e) {
        Class<?> target = e.getTargetType();
        if (target == null) {
            return "has the wrong type";
        }
        if (target.isEnum()) {
            return "must be one of " + Arrays.toString(target.getEnumConstants());
        }
        if (target == String.class) {
            return "must be text: valid Unicode, without NUL characters";
        }
        return "must be of type " + friendlyType(target);
    }

    private static String describe(int status) {
        return switch (status) {
            case 404 -> "No resource at this address (note: paths have no trailing slash)";
            case 405 -> "This method is not allowed on this resource";
            case 406 -> "This resource answers application/json";
            case 415 -> "Send the request body as application/json";
            case 413 -> "The request body is too large";
            default -> "The request could not be handled";
        };
    }

    /** The field name as the client wrote it: Bean Validation paths start with method and argument. */
    private static String fieldName(ConstraintViolation<?> violation) {
        StringBuilder name = new StringBuilder();
        Path.MethodNode method = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                method = node.as(Path.MethodNode.class);
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                String parameter = requestParameterName(violation.getRootBeanClass(), method, node.as(Path.ParameterNode.class));
                if (parameter != null) {
                    return parameter;
                }
                continue;
            }
            if (node.getIndex() != null) {
                name.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                name.append(name.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return name.isEmpty() ? "body" : name.toString();
    }

    /** The query, path or header name of a violated resource-method parameter; null for the request body. */
    private static String requestParameterName(Class<?> resource, Path.MethodNode method, Path.ParameterNode parameter) {
        if (method == null) {
            return null;
        }
        // The root bean may be a generated subclass (interceptors) whose override has no annotations.
        for (Class<?> type = resource; type != null; type = type.getSuperclass()) {
            try {
                Method target = type.getDeclaredMethod(method.getName(), method.getParameterTypes().toArray(Class<?>[]::new));
                for (Annotation annotation : target.getParameterAnnotations()[parameter.getParameterIndex()]) {
                    if (annotation instanceof QueryParam query) {
                        return query.value();
                    }
                    if (annotation instanceof PathParam path) {
                        return path.value();
                    }
                }
            } catch (NoSuchMethodException e) {
                // declared higher up
            }
        }
        return null;
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String friendlyType(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "integer";
        }
        if (type == Double.class || type == double.class) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (type == String.class || type == UUID.class) {
            return "string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "array";
        }
        return type.getSimpleName().startsWith("Local") ? "date (YYYY-MM-DD)" : "object";
    }
}
