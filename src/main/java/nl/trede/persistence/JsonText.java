package nl.trede.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * JSON stored in a text column: the factors, advice and codes recorded with a fact, exactly as they
 * were shown, so a later model or catalogue change cannot rewrite history. A plain text column
 * keeps the schema identical on H2 and PostgreSQL.
 */
public final class JsonText {

    /**
     * Strict: a property the record does not have is an error, so that a renamed or misspelt one
     * surfaces instead of reading back as null (a missing fact) or zero.
     */
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private JsonText() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot store " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON does not match " + type.getType(), e);
        }
    }
}
