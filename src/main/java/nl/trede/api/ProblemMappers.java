package nl.trede.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.trede.security.Forbidden;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into {@code application/problem+json}. Invalid input is 400 and names each
 * wrong field; nothing echoes the submitted values or a stack trace, because they may hold
 * personal data.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<Problem.InvalidParam> params = e.getConstraintViolations().stream()
                .map(v -> new Problem.InvalidParam(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.InvalidParam::name))
                .toList();
        return respond(Problem.invalid(params));
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
        return respond(Problem.of(409, "Conflict", e.getMessage()));
    }

    /** Declared apart so it takes precedence over Quarkus' own mapper for this type. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return respond(Problem.invalid(List.of(new Problem.InvalidParam(jsonPath(unknown), "unknown field"))));
        }
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return respond(Problem.invalid(List.of(new Problem.InvalidParam(jsonPath(mismatch), expectation(mismatch)))));
        }
        if (e instanceof MismatchedInputException) {
            return respond(Problem.of(400, "Invalid input", "The request body must be a JSON object"));
        }
        return respond(Problem.of(400, "Malformed JSON", "The request body is not valid JSON"
                + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr()
                        + ", column " + e.getLocation().getColumnNr() + ")")));
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
        String incident = UUID.randomUUID().toString();
        // Class and frames only: exception messages can carry submitted values.
        LOG.errorf("Unhandled %s, incident %s at %s", e.getClass().getName(), incident,
                Arrays.stream(e.getStackTrace()).limit(12).map(String::valueOf).collect(Collectors.joining(" < ")));
        return respond(Problem.of(500, "Internal error",
                "The request could not be completed; report incident " + incident));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
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
            return "must be text, without NUL characters";
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
        return path.isEmpty() ? "body" : path.toString();
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
