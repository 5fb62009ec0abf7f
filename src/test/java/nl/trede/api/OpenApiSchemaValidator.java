package nl.trede.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks a JSON value against a schema of an OpenAPI 3.0 document: the subset Trede's document
 * uses ({@code $ref}, {@code allOf}, {@code nullable}, {@code type}, {@code enum}, {@code required},
 * {@code properties}, {@code additionalProperties}, {@code items}, bounds, {@code pattern}, and the
 * formats date, date-time and uuid). Stricter than the specification on one point, on purpose: an
 * object whose schema lists its properties may carry no other field unless
 * {@code additionalProperties} allows it, so that a field the service returns but the document
 * does not describe is found. (json-schema-validator 3.x, the version at hand, needs Jackson 3 and
 * would not flag such fields without rewriting the document first.)
 */
final class OpenApiSchemaValidator {

    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final JsonNode document;

    OpenApiSchemaValidator(JsonNode document) {
        this.document = document;
    }

    /** Every way {@code value} breaks {@code schema}, each with the JSON path where; empty when it conforms. */
    List<String> validate(JsonNode value, JsonNode schema) {
        List<String> errors = new ArrayList<>();
        check(value, schema, "$", errors);
        return errors;
    }

    JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        while (current.has("$ref")) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalArgumentException("only local references are supported: " + ref);
            }
            current = document.at(ref.substring(1));
            if (current.isMissingNode()) {
                throw new IllegalArgumentException("unresolvable reference " + ref);
            }
        }
        return current;
    }

    private void check(JsonNode value, JsonNode schemaOrRef, String at, List<String> errors) {
        JsonNode schema = resolve(schemaOrRef);
        if (value.isNull()) {
            if (!schema.path("nullable").asBoolean(false)) {
                errors.add(at + ": null, but the schema is not nullable");
            }
            return;
        }
        for (JsonNode part : schema.path("allOf")) {
            check(value, part, at, errors);
        }
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            errors.add(at + ": " + value + " is not one of " + schema.get("enum"));
        }
        if (schema.has("type") && !checkType(value, schema.get("type").asText(), at, errors)) {
            return;
        }
        if (value.isTextual()) {
            checkText(value.asText(), schema, at, errors);
        } else if (value.isNumber()) {
            checkBounds(value, schema, at, errors);
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                if (schema.has("items")) {
                    check(value.get(i), schema.get("items"), at + "[" + i + "]", errors);
                }
            }
        } else if (value.isObject()) {
            checkObject(value, schema, at, errors);
        }
    }

    private static boolean checkType(JsonNode value, String type, String at, List<String> errors) {
        boolean ok = switch (type) {
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            default -> throw new IllegalArgumentException("unknown type " + type);
        };
        if (!ok) {
            errors.add(at + ": expected " + type + ", got " + value.getNodeType().name().toLowerCase());
        }
        return ok;
    }

    private static void checkText(String text, JsonNode schema, String at, List<String> errors) {
        String format = schema.path("format").asText("");
        boolean formatOk = switch (format) {
            case "date" -> parses(() -> LocalDate.parse(text));
            case "date-time" -> parses(() -> OffsetDateTime.parse(text));
            case "uuid" -> UUID.matcher(text).matches();
            default -> true;
        };
        if (!formatOk) {
            errors.add(at + ": '" + text + "' is not a valid " + format);
        }
        if (schema.has("maxLength") && text.codePointCount(0, text.length()) > schema.get("maxLength").asInt()) {
            errors.add(at + ": longer than " + schema.get("maxLength").asInt());
        }
        if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(text).find()) {
            errors.add(at + ": does not match " + schema.get("pattern").asText());
        }
    }

    private static void checkBounds(JsonNode value, JsonNode schema, String at, List<String> errors) {
        if (schema.has("minimum") && value.decimalValue().compareTo(schema.get("minimum").decimalValue()) < 0) {
            errors.add(at + ": " + value + " is below the minimum " + schema.get("minimum"));
        }
        if (schema.has("maximum") && value.decimalValue().compareTo(schema.get("maximum").decimalValue()) > 0) {
            errors.add(at + ": " + value + " is above the maximum " + schema.get("maximum"));
        }
    }

    private void checkObject(JsonNode value, JsonNode schema, String at, List<String> errors) {
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                errors.add(at + ": required field '" + required.asText() + "' is missing");
            }
        }
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.path("additionalProperties");
        for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (properties.has(name)) {
                check(value.get(name), properties.get(name), at + "." + name, errors);
            } else if (additional.isObject()) {
                check(value.get(name), additional, at + "." + name, errors);
            } else if (additional.isBoolean() ? !additional.asBoolean() : !properties.isMissingNode()) {
                // (an allOf wrapper without properties of its own leaves this to its parts)
                errors.add(at + ": field '" + name + "' is not in the schema");
            }
        }
    }

    private static boolean contains(JsonNode values, JsonNode value) {
        for (JsonNode candidate : values) {
            if (candidate.equals(value) || candidate.isNumber() && value.isNumber()
                    && candidate.decimalValue().compareTo(value.decimalValue()) == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
