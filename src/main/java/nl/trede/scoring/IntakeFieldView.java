package nl.trede.scoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import nl.trede.core.profile.ProfileField;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One intake field as {@link ProfileField} declares it, for forms that check input before sending it. */
@Schema(name = "IntakeField")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record IntakeFieldView(
        @Schema(description = "Name of the field in the intake and profile JSON", example = "age") String name,
        @Schema(description = "JSON type of the value; a string field takes one of `values`",
                enumeration = {"integer", "number", "boolean", "string"}, example = "integer") String type,
        @Schema(description = "Dutch label, in lower case, as a klantmanager says it", example = "leeftijd") String label,
        @Schema(description = "Dutch unit of a number; null for scales, rungs and other fields", example = "jaar", nullable = true)
        String unit,
        @Schema(description = "Smallest accepted value of a number (inclusive); null for other fields", example = "18", nullable = true)
        BigDecimal minimum,
        @Schema(description = "Largest accepted value of a number (inclusive); null for other fields", example = "67", nullable = true)
        BigDecimal maximum,
        @Schema(description = "What null or absent means where it is a fact rather than a gap, in Dutch (monthsSinceLastJob: "
                + "never worked); null where it means the fact is missing", example = "nooit betaald gewerkt", nullable = true)
        String nullMeans,
        @Schema(description = "The accepted values of a string field, with their Dutch labels; empty for other fields")
        List<Choice> values) {

    @Schema(name = "IntakeFieldValue")
    public record Choice(@Schema(example = "MBO_2_4") String value, @Schema(example = "mbo 2, 3 of 4") String label) {
    }

    static IntakeFieldView of(ProfileField field) {
        return new IntakeFieldView(field.fieldName(), jsonType(field.type()), field.dutchLabel(), field.dutchUnit().orElse(null),
                field.range().map(r -> new BigDecimal(r.min().toString())).orElse(null),
                field.range().map(r -> new BigDecimal(r.max().toString())).orElse(null),
                field.dutchMeaningOfNull().orElse(null),
                field.choices().stream().map(c -> new Choice(((Enum<?>) c).name(), c.dutchLabel())).toList());
    }

    private static String jsonType(Class<?> type) {
        if (type == Integer.class) {
            return "integer";
        }
        if (type == Double.class) {
            return "number";
        }
        return type == Boolean.class ? "boolean" : "string";
    }
}
