package nl.trede.core.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import nl.trede.core.profile.EducationLevel;
import nl.trede.core.profile.HealthLimitation;
import nl.trede.core.profile.IntakeProfile;
import nl.trede.core.profile.LanguageLevel;
import nl.trede.core.profile.ProfileField;
import org.junit.jupiter.api.Test;

class FeatureEncoderTest {

    private static final List<String> PROTECTED = List.of("gender", "sex", "migration", "nationality", "country",
            "birth", "ethnic", "origin", "religion");

    private final FeatureEncoder encoder = new FeatureEncoder();
    private final IntakeProfile client = new IntakeProfile(31, EducationLevel.MBO_1, LanguageLevel.A2, 18, 30, 5,
            HealthLimitation.SOME, true, false, false, true, 4, 2, true, 3, 1.2);

    @Test
    void protectedAttributesAreNeitherInTheProfileNorAmongTheFeatures() {
        for (String name : encoder.columnNames()) {
            for (String forbidden : PROTECTED) {
                assertFalse(name.toLowerCase(Locale.ROOT).contains(forbidden), name);
            }
        }
        for (var component : IntakeProfile.class.getRecordComponents()) {
            for (String forbidden : PROTECTED) {
                assertFalse(component.getName().toLowerCase(Locale.ROOT).contains(forbidden), component.getName());
            }
        }
    }

    @Test
    void columnsAreUniqueStableAndMatchTheVector() {
        assertEquals(encoder.dimension(), new HashSet<>(encoder.columnNames()).size());
        assertEquals(encoder.columnNames(), new FeatureEncoder().columnNames());
        assertEquals(encoder.dimension(), encoder.encode(client).length);
        assertEquals(encoder.dimension(), encoder.toExample(client, new org.tribuo.classification.Label("1")).size());
    }

    @Test
    void everyFieldThatCanBeMissingHasAnIndicatorAndMissingZeroesItsValues() {
        for (ProfileField field : ProfileField.values()) {
            int indicator = encoder.columnNames().indexOf(field.fieldName() + ":missing");
            assertEquals(field.canBeMissing(), indicator >= 0, field.fieldName());
            if (!field.canBeMissing()) {
                continue;
            }
            double[] present = encoder.encode(client);
            double[] missing = encoder.encode(client.with(field, null));
            assertEquals(0, present[indicator]);
            assertEquals(1, missing[indicator]);
            for (int i = 0; i < missing.length; i++) {
                String column = encoder.columnNames().get(i);
                if (column.startsWith(field.fieldName()) && i != indicator) {
                    assertEquals(0, missing[i], column + " must be zero when " + field.fieldName() + " is missing");
                }
            }
            assertFalse(Arrays.equals(present, missing), field.fieldName() + " must change the encoding");
        }
    }

    @Test
    void categoricalsAreOneHotAndNeverWorkedIsAFact() {
        double[] v = encoder.encode(client);
        assertEquals(1, v[encoder.columnNames().indexOf("educationLevel=MBO_1")]);
        assertEquals(0, v[encoder.columnNames().indexOf("educationLevel=VMBO")]);
        assertEquals(1, v[encoder.columnNames().indexOf("participationRung=3")]);
        assertEquals(Math.log1p(18 / 12.0), v[encoder.columnNames().indexOf("monthsOnBenefit:log")], 1e-12);
        assertEquals(Math.log1p(12 / 12.0), v[encoder.columnNames().indexOf("monthsSinceLastJob:beforeBenefitLog")], 1e-12);
        double[] never = encoder.encode(client.with(ProfileField.MONTHS_SINCE_LAST_JOB, null));
        assertEquals(1, never[encoder.columnNames().indexOf("neverWorked")]);
        assertTrue(client.with(ProfileField.MONTHS_SINCE_LAST_JOB, null).missingFields().isEmpty());
    }
}
