package nl.trede.scoring;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import nl.trede.core.profile.EducationLevel;
import nl.trede.core.profile.HealthLimitation;
import nl.trede.core.profile.IntakeProfile;
import nl.trede.core.profile.LanguageLevel;
import nl.trede.core.profile.ProfileField;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The intake fields as the API takes and returns them, with the English description and example
 * of each; their names, types and ranges are {@link ProfileField}'s, checked when this class loads.
 * Every field is optional: a missing field is reported with the score, never silently filled in.
 */
@WithinDeclaredRanges
@Schema(name = "IntakeProfile", description = "The facts gathered at intake; every field may be left out")
public class ProfileFields {

    @Schema(description = "Age in years (bijstand: 18 up to the state pension age)", example = "34")
    public Integer age;

    @Schema(description = "Highest completed education", example = "MBO_2_4")
    public EducationLevel educationLevel;

    @Schema(description = "Dutch language level (CEFR)", example = "B1")
    public LanguageLevel dutchLanguageLevel;

    @Schema(description = "Months on benefit in the current spell", example = "14")
    public Integer monthsOnBenefit;

    @Schema(description = "Months since the last paid job; null or absent means never worked", example = "20", nullable = true)
    public Integer monthsSinceLastJob;

    @Schema(description = "Years of paid work experience", example = "6")
    public Integer yearsWorkExperience;

    @Schema(description = "Health limitation for work", example = "NONE")
    public HealthLimitation healthLimitation;

    @Schema(description = "Care duties: young children or mantelzorg", example = "false")
    public Boolean careDuties;

    @Schema(description = "Problematic debts", example = "false")
    public Boolean problematicDebts;

    @Schema(description = "Unstable housing", example = "false")
    public Boolean unstableHousing;

    @Schema(description = "Holds a driving licence", example = "true")
    public Boolean drivingLicence;

    @Schema(description = "Motivation, 1 (low) to 5 (high), as assessed with the client", example = "4")
    public Integer motivation;

    @Schema(description = "Job-search self-efficacy, 1 (low) to 5 (high)", example = "3")
    public Integer jobSearchSelfEfficacy;

    @Schema(description = "The client's own expectation of finding work", example = "true")
    public Boolean expectsWork;

    @Schema(description = "Current rung on the participatieladder, 1 (isolated) to 6 (paid work)", example = "3")
    public Integer participationRung;

    @Schema(description = "Regional labour-market tightness: vacancies per job seeker", example = "0.9")
    public Double labourMarketTightness;

    /** The field of this class that holds each declared intake field. */
    private static final Map<ProfileField, Field> FIELDS = fieldsOf(ProfileFields.class);

    public IntakeProfile toProfile() {
        return IntakeProfile.of(field -> read(FIELDS.get(field)));
    }

    public static ProfileFields of(IntakeProfile profile) {
        ProfileFields fields = new ProfileFields();
        FIELDS.forEach((field, holder) -> fields.write(holder, field.valueOf(profile)));
        return fields;
    }

    /**
     * The public field of {@code shape} for each declared intake field, by name and declared type;
     * a missing, misspelt, ill-typed or extra field is refused, so that none can be scored as missing.
     */
    static Map<ProfileField, Field> fieldsOf(Class<?> shape) {
        Map<ProfileField, Field> fields = new EnumMap<>(ProfileField.class);
        for (ProfileField field : ProfileField.values()) {
            try {
                Field holder = shape.getField(field.fieldName());
                if (holder.getType() != field.type()) {
                    throw new IllegalStateException(shape.getSimpleName() + "." + field.fieldName() + " is a "
                            + holder.getType().getSimpleName() + ", declared as " + field.type().getSimpleName());
                }
                fields.put(field, holder);
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException(shape.getSimpleName() + " lacks the intake field " + field.fieldName(), e);
            }
        }
        Set<String> extra = Arrays.stream(shape.getDeclaredFields()).filter(f -> Modifier.isPublic(f.getModifiers()))
                .map(Field::getName).collect(Collectors.toCollection(TreeSet::new));
        fields.values().forEach(f -> extra.remove(f.getName()));
        if (!extra.isEmpty()) {
            throw new IllegalStateException(shape.getSimpleName() + " has fields that are not declared intake fields: " + extra);
        }
        return fields;
    }

    private Object read(Field holder) {
        try {
            return holder.get(this);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private void write(Field holder, Object value) {
        try {
            holder.set(this, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
