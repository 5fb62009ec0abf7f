package nl.trede.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which HTTP methods each API path answers, read once from the resource classes themselves, so
 * that a 405 can carry its {@code Allow} header and {@code OPTIONS} advertises exactly the
 * methods that work (RFC 9110 §15.5.6, §9.3.7). HEAD is answered wherever GET is; OPTIONS always.
 */
@ApplicationScoped
public class AllowedMethods {

    private final String basePath;
    /** Most literal characters first, as JAX-RS matches: {@code /clients/search} before {@code /clients/{id}}. */
    private final List<Route> routes;

    /** An API path template, e.g. {@code /api/v1/intakes/{intakeId}}, and its Allow header value. */
    public record Route(String template, String allow, Pattern pattern) {
    }

    public AllowedMethods(@ConfigProperty(name = "quarkus.rest.path") String basePath, BeanManager beans) {
        this.basePath = basePath;
        Map<String, Set<String>> methodsByTemplate = new TreeMap<>();
        // Quarkus REST makes every resource class a bean, so the bean manager lists them all.
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            Path classPath = bean.getBeanClass().getAnnotation(Path.class);
            if (classPath != null) {
                addResource(classPath.value(), bean.getBeanClass(), methodsByTemplate);
            }
        }
        this.routes = methodsByTemplate.entrySet().stream()
                .map(e -> new Route(basePath + e.getKey(), String.join(", ", e.getValue()), pattern(e.getKey())))
                .sorted(Comparator.comparingInt((Route route) -> literalLength(route.template())).reversed())
                .toList();
    }

    private static void addResource(String classPath, Class<?> resource, Map<String, Set<String>> methodsByTemplate) {
        for (Method method : resource.getMethods()) {
            httpMethod(method).ifPresent(verb -> {
                Path methodPath = method.getAnnotation(Path.class);
                String template = join(classPath, methodPath == null ? "" : methodPath.value());
                Set<String> verbs = methodsByTemplate.computeIfAbsent(template, t -> new TreeSet<>());
                verbs.add(verb);
                verbs.add(HttpMethod.OPTIONS);
                if (verb.equals(HttpMethod.GET)) {
                    verbs.add(HttpMethod.HEAD);
                }
            });
        }
    }

    /** The route of the path, or empty when no API resource lives there. */
    public Optional<Route> route(String requestPath) {
        if (requestPath == null || !requestPath.startsWith(basePath)) {
            return Optional.empty();
        }
        String relative = requestPath.substring(basePath.length());
        return routes.stream().filter(route -> route.pattern().matcher(relative).matches()).findFirst();
    }

    private static int literalLength(String template) {
        return template.replaceAll("\\{[^}]+}", "").length();
    }

    private static Optional<String> httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return Optional.of(verb.value());
            }
        }
        return Optional.empty();
    }

    private static String join(String classPath, String methodPath) {
        String path = ("/" + classPath + "/" + methodPath).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** A path template as a regular expression: each {@code {parameter}} is one path segment. */
    private static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        for (String part : template.split("\\{[^}]+}", -1)) {
            if (!regex.isEmpty()) {
                regex.append("[^/]+");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}
