package nl.trede.scoring;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import nl.trede.api.ProblemCode;
import nl.trede.core.profile.IntakeProfile;
import nl.trede.core.profile.ProfileField;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * Checks each intake field against its declared range, reporting every field out of range as a
 * violation of that field (e.g. {@code age}: "must be between 18 and 67"), with code {@code out_of_range}.
 */
public class DeclaredRangesValidator implements ConstraintValidator<WithinDeclaredRanges, ProfileFields> {

    @Override
    public boolean isValid(ProfileFields fields, ConstraintValidatorContext context) {
        if (fields == null) {
            return true;
        }
        IntakeProfile profile = fields.toProfile();
        boolean valid = true;
        context.disableDefaultConstraintViolation();
        for (ProfileField field : ProfileField.values()) {
            Object value = field.valueOf(profile);
            if (!field.accepts(value)) {
                valid = false;
                context.unwrap(HibernateConstraintValidatorContext.class).withDynamicPayload(ProblemCode.OUT_OF_RANGE)
                        .buildConstraintViolationWithTemplate("must be " + field.range().orElseThrow())
                        .addPropertyNode(field.fieldName()).addConstraintViolation();
            }
        }
        return valid;
    }
}
