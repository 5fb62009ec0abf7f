package nl.trede.core.catalogue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An ordered set of interventions, always containing {@code NONE}, with a version that every advice
 * computed from it records. Catalogues are data: a JSON file per version, read by {@link #read}.
 */
public record Catalogue(String version, List<Intervention> interventions) {

    /** The catalogue's key beside the kinds of model wherever versions are listed. */
    public static final String KIND = "catalogue";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                    DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .build();

    /** The starting catalogue of BRIEF.md, versioned data in {@value #STARTING_FILE}; its priors are indicative design assumptions. */
    public static final Catalogue STARTING;

    static final String STARTING_FILE = "/catalogue/catalogue-1.json";

    static {
        try (InputStream file = Catalogue.class.getResourceAsStream(STARTING_FILE)) {
            if (file == null) {
                throw new IllegalStateException(STARTING_FILE + " is missing from the build");
            }
            STARTING = read(file.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + STARTING_FILE, e);
        }
    }

    public Catalogue {
        Set<String> codes = new HashSet<>();
        for (Intervention i : interventions) {
            if (!codes.add(i.code())) {
                throw new IllegalArgumentException("Catalogue " + version + " lists " + i.code() + " twice");
            }
        }
        if (!codes.contains(Intervention.NONE)) {
            throw new IllegalArgumentException("Catalogue " + version + " has no " + Intervention.NONE);
        }
        interventions = List.copyOf(interventions);
    }

    /** A catalogue file as written: its version, a note for people, the interventions. */
    private record CatalogueFile(String version, String about, List<Intervention> interventions) {
    }

    /** A catalogue from its JSON; every field of every intervention is required, unknown fields are refused. */
    public static Catalogue read(byte[] json) throws IOException {
        CatalogueFile file = JSON.readValue(json, CatalogueFile.class);
        return new Catalogue(file.version(), file.interventions());
    }

    public Optional<Intervention> find(String code) {
        return interventions.stream().filter(i -> i.code().equals(code)).findFirst();
    }
}
