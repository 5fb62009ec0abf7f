package nl.trede.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nl.trede.core.Profiles;
import nl.trede.core.profile.IntakeProfile;
import nl.trede.core.profile.ProfileField;
import org.junit.jupiter.api.Test;

/** The API's shape of the profile carries every declared field, so none can be scored as missing on the way. */
class ProfileFieldsTest {

    @Test
    void everyFieldSurvivesTheRoundTripThroughTheApiShape() {
        IntakeProfile profile = Profiles.complete();
        IntakeProfile back = ProfileFields.of(profile).toProfile();
        assertEquals(profile, back);
        assertTrue(back.missingFields().isEmpty());
    }

    /** As ProfileFields would be with one field renamed: it must not load, rather than score monthsOnBenefit as missing. */
    static class Misspelt {
        public Integer age;
        public Integer monthsOnBenefits;
    }

    /** As ProfileFields would be with a field of another type than declared. */
    static class IllTyped {
        public Long age;
    }

    @Test
    void aShapeThatLacksMisspellsOrMistypesAFieldIsRefused() {
        assertEquals("Misspelt lacks the intake field educationLevel",
                assertThrows(IllegalStateException.class, () -> ProfileFields.fieldsOf(Misspelt.class)).getMessage());
        assertEquals("IllTyped.age is a Long, declared as Integer",
                assertThrows(IllegalStateException.class, () -> ProfileFields.fieldsOf(IllTyped.class)).getMessage());
    }

    @Test
    void theApiShapeHasExactlyTheDeclaredFields() {
        assertEquals(ProfileField.values().length, ProfileFields.fieldsOf(ProfileFields.class).size());
    }
}
