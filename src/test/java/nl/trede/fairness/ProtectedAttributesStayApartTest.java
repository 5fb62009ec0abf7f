package nl.trede.fairness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import nl.trede.core.LayeringTest;
import org.junit.jupiter.api.Test;

/**
 * Protected attributes never reach a model (AI Act art. 10(5), the brief's "never features"): no
 * compiled class outside this package refers to it, except erasure, which removes them.
 */
class ProtectedAttributesStayApartTest {

    private static final String FAIRNESS = "nl/trede/fairness/";
    private static final Set<String> ALLOWED_OUTSIDE = Set.of("nl/trede/privacy/ErasureService");

    @Test
    void onlyThisPackageAndErasureReferToTheProtectedAttributes() throws IOException, URISyntaxException {
        Path root = Path.of(FairnessAttributes.class.getResource("FairnessAttributes.class").toURI()).getParent().getParent();
        Set<String> referring = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = "nl/trede/" + root.relativize(file).toString().replace('\\', '/').replace(".class", "");
                List<String> names = LayeringTest.namesIn(file);
                if (!name.startsWith(FAIRNESS) && names.stream().anyMatch(n -> n.contains(FAIRNESS))) {
                    referring.add(name.split("\\$")[0]);
                }
            }
        }
        assertTrue(referring.containsAll(ALLOWED_OUTSIDE), "the scan sees erasure's reference: " + referring);
        assertEquals(ALLOWED_OUTSIDE, referring, "classes outside nl.trede.fairness that refer to protected attributes");
    }
}
