package nl.trede.core.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import nl.trede.core.Profiles;
import org.junit.jupiter.api.Test;

/** The declaration is the profile: same fields, order and types as the record, and a range for every number. */
class ProfileFieldTest {

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
        IntakeProfile profile = Profiles.complete();
        for (ProfileField field : ProfileField.values()) {
            assertEquals(Profiles.completeValue(field), field.valueOf(profile), field.fieldName());
        }
        assertTrue(profile.missingFields().isEmpty() && profile.monthsSinceLastJob() != null, "the fixture gives every field");
        assertEquals(IntakeProfile.empty(), IntakeProfile.empty().with(ProfileField.AGE, 34).with(ProfileField.AGE, null));
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedNotDropped() {
        assertThrows(ClassCastException.class, () -> IntakeProfile.empty().with(ProfileField.AGE, "34"));
    }
}
