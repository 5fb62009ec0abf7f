package nl.trede.scoring;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;
import nl.trede.core.profile.ProfileField;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Writes each intake field's declared range into the OpenAPI schemas that carry the intake fields
 * ({@code IntakeProfile}, {@code IntakeRequest}), so that the document cannot state other limits
 * than the service checks.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class DeclaredRangesInSchema implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.getComponents().getSchemas().values().stream()
                .filter(DeclaredRangesInSchema::carriesTheIntakeFields)
                .forEach(schema -> Arrays.stream(ProfileField.values()).forEach(field -> field.range().ifPresent(range -> {
                    Schema property = schema.getProperties().get(field.fieldName());
                    property.setMinimum(bound(range.min()));
                    property.setMaximum(bound(range.max()));
                })));
    }

    private static boolean carriesTheIntakeFields(Schema schema) {
        Map<String, Schema> properties = schema.getProperties();
        return properties != null && Arrays.stream(ProfileField.values()).allMatch(f -> properties.containsKey(f.fieldName()));
    }

    /** An integer bound stays an integer in the document (18, not 18.0). */
    private static BigDecimal bound(Number value) {
        return new BigDecimal(value.toString());
    }
}
