package nl.trede.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract test is only as good as its validator: each rule must catch what it is for. */
class OpenApiSchemaValidatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String DOCUMENT = """
            {"components": {"schemas": {
              "Colour": {"type": "string", "enum": ["RED", "GREEN"]},
              "Thing": {"type": "object", "required": ["id"], "properties": {
                "id": {"type": "string", "format": "uuid"},
                "count": {"type": "integer", "minimum": 1, "maximum": 6, "nullable": true},
                "on": {"type": "string", "format": "date"},
                "at": {"type": "string", "format": "date-time"},
                "colour": {"type": "string", "nullable": true, "allOf": [{"$ref": "#/components/schemas/Colour"}]},
                "tags": {"type": "array", "items": {"type": "string", "maxLength": 3}},
                "extra": {"type": "object", "additionalProperties": {"type": "number"}},
                "free": {"type": "object"},
                "child": {"allOf": [{"$ref": "#/components/schemas/Thing"}], "type": "object", "nullable": true}}}}}}
            """;

    private final OpenApiSchemaValidator validator = new OpenApiSchemaValidator(read(DOCUMENT));

    private List<String> errors(String value) {
        return validator.validate(read(value), read("{\"$ref\": \"#/components/schemas/Thing\"}"));
    }

    @Test
    void aConformingValuePasses() {
        assertEquals(List.of(), errors("""
                {"id": "0b6e2b1e-3a55-4d7e-9a59-1f9a1b0c2d3e", "count": 6, "on": "2026-05-01", "at": "2026-05-01T09:30:00Z",
                 "colour": "RED", "tags": ["abc"], "extra": {"x": 1.5}, "free": {"anything": [1]}, "child": null}"""));
    }

    @Test
    void aFieldThatTheSchemaDoesNotDescribeFails() {
        assertEquals(List.of("$: field 'secret' is not in the schema"), errors("{\"id\": \"0b6e2b1e-3a55-4d7e-9a59-1f9a1b0c2d3e\", \"secret\": 1}"));
        assertEquals(List.of("$.child: field 'secret' is not in the schema"),
                errors("{\"id\": \"0b6e2b1e-3a55-4d7e-9a59-1f9a1b0c2d3e\", \"child\": {\"id\": \"0b6e2b1e-3a55-4d7e-9a59-1f9a1b0c2d3e\", \"secret\": 1}}"));
    }

    @Test
    void eachRuleCatchesItsOwnViolation() {
        String id = "\"id\": \"0b6e2b1e-3a55-4d7e-9a59-1f9a1b0c2d3e\", ";
        assertEquals(List.of("$: required field 'id' is missing"), errors("{}"));
        assertEquals(List.of("$.id: 'x' is not a valid uuid"), errors("{\"id\": \"x\"}"));
        assertEquals(List.of("$.id: null, but the schema is not nullable"), errors("{\"id\": null}"));
        assertEquals(List.of("$.count: expected integer, got number"), errors("{" + id + "\"count\": 1.5}"));
        assertEquals(List.of("$.count: expected integer, got string"), errors("{" + id + "\"count\": \"12\"}"));
        assertEquals(List.of("$.count: 7 is above the maximum 6"), errors("{" + id + "\"count\": 7}"));
        assertEquals(List.of("$.on: '2026-13-01' is not a valid date"), errors("{" + id + "\"on\": \"2026-13-01\"}"));
        assertEquals(List.of("$.at: '2026-05-01' is not a valid date-time"), errors("{" + id + "\"at\": \"2026-05-01\"}"));
        assertEquals(List.of("$.colour: \"BLUE\" is not one of [\"RED\",\"GREEN\"]"), errors("{" + id + "\"colour\": \"BLUE\"}"));
        assertEquals(List.of("$.tags[1]: longer than 3"), errors("{" + id + "\"tags\": [\"ab\", \"abcd\"]}"));
        assertEquals(List.of("$.extra.y: expected number, got boolean"), errors("{" + id + "\"extra\": {\"y\": true}}"));
        assertTrue(errors("{" + id + "\"child\": {}}").contains("$.child: required field 'id' is missing"));
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
