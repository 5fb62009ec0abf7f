package nl.trede.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rules that keep the learning core ({@code nl.trede.core..}) a plain Java library, checked on
 * the compiled classes (every type a class refers to is named in its constant pool, whether it was
 * imported, written out in full or only appears in a signature or annotation).
 *
 * <ol>
 *   <li>No framework: nothing from Quarkus, Jakarta EE, MicroProfile, SmallRye, Vert.x, Hibernate
 *   or JBoss. Libraries that are called as plain Java (Jackson for the model files, Tribuo and
 *   XGBoost for the distance model) are allowed: they need no container and no configuration.</li>
 *   <li>Nothing of the service: the core refers to no {@code nl.trede} package outside itself.</li>
 *   <li>No upward import: each core package refers only to packages of lower layers in
 *   {@link #LAYERS}, so, for example, the generic causal engine knows nothing of the service's
 *   effect types.</li>
 *   <li>Training never reaches the truth: outside the simulator ({@code synth}) and the evaluation
 *   against its truth ({@code groundtruth}), no core package refers to {@code groundtruth} or to
 *   anything of {@code synth} but the generator's settings. The trainers get the synthetic history
 *   only as {@code TrainingData}, as they would get any other.</li>
 * </ol>
 */
public class LayeringTest {

    /** The core's packages from the bottom up; a package may use only packages of earlier layers. */
    static final List<Set<String>> LAYERS = List.of(
            Set.of("digest", "profile"),
            Set.of("wording"),
            Set.of("catalogue", "features", "causal", "allocation"),
            Set.of("evaluation"),
            Set.of("training"),
            Set.of("synth"),
            Set.of("distance"),
            Set.of("effects"),
            Set.of("recommend", "comparators"),
            Set.of("report"),
            Set.of("groundtruth", "candidate"));

    /** The packages that may read the simulator's truth: the simulator itself and the evaluation against it. */
    static final Set<String> TRUTH_READERS = Set.of("synth", "groundtruth");

    /**
     * What of the simulator other packages may name: the generator's settings, which model cards
     * report and which hold no truth. The generator's own name comes with them (a nested class names
     * its outer class); it is harmless, because everything it generates is a {@code SyntheticPopulation}.
     */
    static final Set<String> SYNTH_SETTINGS = Set.of("nl/trede/core/synth/PopulationGenerator$Settings",
            "nl/trede/core/synth/PopulationGenerator");

    private static final Pattern FRAMEWORK = Pattern.compile(
            "\\b(io/quarkus|jakarta|javax/(enterprise|inject|ws|persistence|transaction)|org/eclipse/microprofile"
                    + "|io/smallrye|io/vertx|org/hibernate|org/jboss)/[\\w/$]+");
    private static final Pattern TREDE = Pattern.compile("\\bnl/trede/([\\w/$]+)/[\\w$]+");

    @Test
    void theCoreUsesNoFramework() throws IOException {
        Map<String, Set<String>> found = new TreeMap<>();
        for (Map.Entry<String, Set<String>> c : coreClasses().entrySet()) {
            for (String name : c.getValue()) {
                Matcher m = FRAMEWORK.matcher(name);
                while (m.find()) {
                    found.computeIfAbsent(c.getKey(), k -> new TreeSet<>()).add(m.group());
                }
            }
        }
        assertEquals(Map.of(), found, "framework types in the learning core");
    }

    @Test
    void everyCorePackageUsesOnlyTheCoreAndLowerLayers() throws IOException {
        Map<String, Set<String>> violations = new TreeMap<>();
        for (Map.Entry<String, Set<String>> c : coreClasses().entrySet()) {
            String from = corePackage(c.getKey());
            int fromLayer = layer(from);
            for (String name : c.getValue()) {
                Matcher m = TREDE.matcher(name);
                while (m.find()) {
                    String pkg = m.group(1).replace('/', '.');
                    if (!pkg.startsWith("core.")) {
                        violations.computeIfAbsent(c.getKey(), k -> new TreeSet<>()).add("service package nl.trede." + pkg);
                        continue;
                    }
                    String to = pkg.substring("core.".length()).split("\\.")[0];
                    if (!to.equals(from) && layer(to) >= fromLayer) {
                        violations.computeIfAbsent(c.getKey(), k -> new TreeSet<>()).add("core." + to);
                    }
                }
            }
        }
        assertEquals(Map.of(), violations, "upward or sideways references, by class; layers " + LAYERS);
    }

    @Test
    void noTrainingOrServingPackageCanReachTheSimulatorsTruth() throws IOException {
        Pattern truth = Pattern.compile("\\bnl/trede/core/(groundtruth|synth)/[\\w$]+");
        Map<String, Set<String>> classes = coreClasses();
        Map<String, Set<String>> violations = new TreeMap<>();
        for (Map.Entry<String, Set<String>> c : classes.entrySet()) {
            if (TRUTH_READERS.contains(corePackage(c.getKey()))) {
                continue;
            }
            for (String name : c.getValue()) {
                Matcher m = truth.matcher(name);
                while (m.find()) {
                    if (!SYNTH_SETTINGS.contains(m.group())) {
                        violations.computeIfAbsent(c.getKey(), k -> new TreeSet<>()).add(m.group());
                    }
                }
            }
        }
        assertEquals(Map.of(), violations, "references to the simulator's truth outside " + TRUTH_READERS);
        // the scan sees the references the rule forbids where they are allowed
        assertTrue(classes.get("nl/trede/core/groundtruth/EffectEvaluation").stream()
                .anyMatch(n -> n.contains("nl/trede/core/synth/SimulatedClient")));
        assertTrue(classes.get("nl/trede/core/effects/EffectModelTrainer").stream()
                .anyMatch(n -> n.contains("nl/trede/core/training/TrainingRecord")));
        // the learners compared with the effect learner are held to the same rule; the ceiling, which reads the truth, is not one of them
        assertTrue(classes.get("nl/trede/core/comparators/TLearner").stream()
                .anyMatch(n -> n.contains("nl/trede/core/training/TrainingData")));
        assertTrue(classes.get("nl/trede/core/groundtruth/CeilingLearner").stream()
                .anyMatch(n -> n.contains("nl/trede/core/synth/OutcomeTruth")));
    }

    @Test
    void everyCorePackageHasALayerAndTheScanSeesTypeReferences() throws IOException {
        Map<String, Set<String>> classes = coreClasses();
        Set<String> packages = new TreeSet<>();
        classes.keySet().forEach(c -> packages.add(corePackage(c)));
        for (String pkg : packages) {
            layer(pkg);
        }
        // the scan must see references that are not imports, e.g. a local variable's type
        assertTrue(classes.get("nl/trede/core/effects/LearnedEffectModel").stream()
                .anyMatch(n -> n.contains("nl/trede/core/causal/ArmEffect")));
        assertTrue(classes.get("nl/trede/core/distance/TribuoDistanceModel").stream()
                .anyMatch(n -> n.contains("org/tribuo/")));
    }

    private static int layer(String pkg) {
        for (int i = 0; i < LAYERS.size(); i++) {
            if (LAYERS.get(i).contains(pkg)) {
                return i;
            }
        }
        throw new AssertionError("core package " + pkg + " has no layer in LayeringTest.LAYERS: add it where it belongs");
    }

    private static String corePackage(String className) {
        return className.substring("nl/trede/core/".length()).split("/")[0];
    }

    /** Every compiled class under nl/trede/core (nested ones with their outer class) and the names in its constant pool. */
    static Map<String, Set<String>> coreClasses() throws IOException {
        Path root;
        try {
            root = Path.of(LayeringTest.class.getClassLoader().getResource("nl/trede/core/profile/IntakeProfile.class").toURI())
                    .getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Map<String, Set<String>> result = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = "nl/trede/core/" + root.relativize(file).toString().replace('\\', '/').replace(".class", "");
                result.computeIfAbsent(name.split("\\$")[0], k -> new HashSet<>()).addAll(namesIn(file));
            }
        }
        assertTrue(result.size() > 40, "found the compiled core classes in " + root);
        return result;
    }

    /** The UTF-8 constants of a class file that are not string literals: class names and type descriptors. */
    public static List<String> namesIn(Path classFile) throws IOException {
        try (InputStream bytes = Files.newInputStream(classFile); DataInputStream in = new DataInputStream(bytes)) {
            if (in.readInt() != 0xCAFEBABE) {
                throw new IOException(classFile + " is not a class file");
            }
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            Set<Integer> literals = new HashSet<>();
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 8 -> literals.add(in.readUnsignedShort());
                    case 7, 16, 19, 20 -> in.readUnsignedShort();
                    case 15 -> in.skipNBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                    case 5, 6 -> {
                        in.skipNBytes(8);
                        i++;
                    }
                    default -> throw new IOException(classFile + ": unknown constant pool tag " + tag);
                }
            }
            List<String> names = new ArrayList<>();
            for (int i = 1; i < count; i++) {
                if (utf8[i] != null && !literals.contains(i)) {
                    names.add(utf8[i]);
                }
            }
            return names;
        }
    }
}
