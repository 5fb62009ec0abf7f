package nl.trede.scoring;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Every given intake field lies within the range {@link nl.trede.core.profile.ProfileField} declares for it. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = DeclaredRangesValidator.class)
public @interface WithinDeclaredRanges {

    String message() default "must be within the declared range";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
