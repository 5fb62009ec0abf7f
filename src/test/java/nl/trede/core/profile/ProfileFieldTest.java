package nl.trede.core.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The declaration is the profile: same fields, order and types as the record, and a range for every number. */
class ProfileFieldTest {

    /** A value for every field, each different from the others of its type. */
    static final Map<ProfileField, Object> DISTINCT = Map.ofEntries(
            Map.entry(ProfileField.AGE, 34), Map.entry(ProfileField.EDUCATION_LEVEL, EducationLevel.HBO),
            Map.entry(ProfileField.DUTCH_LANGUAGE_LEVEL, LanguageLevel.B2), Map.entry(ProfileField.MONTHS_ON_BENEFIT, 14),
            Map.entry(ProfileField.MONTHS_SINCE_LAST_JOB, 20), Map.entry(ProfileField.YEARS_WORK_EXPERIENCE, 6),
            Map.entry(ProfileField.HEALTH_LIMITATION, HealthLimitation.SOME), Map.entry(ProfileField.CARE_DUTIES, true),
            Map.entry(ProfileField.PROBLEMATIC_DEBTS, false), Map.entry(ProfileField.UNSTABLE_HOUSING, true),
            Map.entry(ProfileField.DRIVING_LICENCE, false), Map.entry(ProfileField.MOTIVATION, 4),
            Map.entry(ProfileField.JOB_SEARCH_SELF_EFFICACY, 2), Map.entry(ProfileField.EXPECTS_WORK, true),
            Map.entry(ProfileField.PARTICIPATION_RUNG, 3), Map.entry(ProfileField.LABOUR_MARKET_TIGHTNESS, 0.9));

    @Test
    void theDeclarationListsTheRecordsComponentsInOrderWithTheirTypes() {
        RecordComponent[] components = IntakeProfile.class.getRecordComponents();
        assertEquals(components.length, ProfileField.values().length);
        for (ProfileField field : ProfileField.values()) {
            assertEquals(components[field.ordinal()].getName(), field.fieldName());
            assertEquals(components[field.ordinal()].getType(), field.type(), field.fieldName());
        }
    }

    @Test
    void everyNumberHasARangeAndNothingElseHasOne() {
        for (ProfileField field : ProfileField.values()) {
            assertEquals(Number.class.isAssignableFrom(field.type()), field.range().isPresent(), field.fieldName());
            assertFalse(field.dutchLabel().isBlank());
            assertEquals(field.type().isEnum(), !field.choices().isEmpty(), field.fieldName()); // every category has Dutch words
        }
        assertEquals("between 18 and 67", ProfileField.AGE.range().orElseThrow().toString());
        assertEquals("between 0 and 20", ProfileField.LABOUR_MARKET_TIGHTNESS.range().orElseThrow().toString());
        assertEquals("vacatures per werkzoekende", ProfileField.LABOUR_MARKET_TIGHTNESS.dutchUnit().orElseThrow());
    }

    @Test
    void theBoundsAreInclusiveAndMissingIsAccepted() {
        assertTrue(ProfileField.AGE.accepts(18));
        assertTrue(ProfileField.AGE.accepts(67));
        assertTrue(ProfileField.AGE.accepts(null));
        assertFalse(ProfileField.AGE.accepts(17));
        assertFalse(ProfileField.LABOUR_MARKET_TIGHTNESS.accepts(20.01));
        assertTrue(ProfileField.CARE_DUTIES.accepts(true));
    }

    @Test
    void everyValueLandsInItsOwnField() {
        IntakeProfile profile = IntakeProfile.of(DISTINCT::get);
        for (ProfileField field : ProfileField.values()) {
            assertEquals(DISTINCT.get(field), field.valueOf(profile), field.fieldName());
        }
        assertEquals(IntakeProfile.empty(), IntakeProfile.empty().with(ProfileField.AGE, 34).with(ProfileField.AGE, null));
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedNotDropped() {
        assertThrows(ClassCastException.class, () -> IntakeProfile.empty().with(ProfileField.AGE, "34"));
    }
}
