package nl.trede.intake;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.trede.core.distance.DistanceCategory;
import nl.trede.core.distance.ScoreFactor;
import nl.trede.persistence.JsonText;
import nl.trede.scoring.ProfileFields;
import nl.trede.scoring.ScoreView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An intake as the API returns it: the profile as given, and the score it got at the time. */
@Schema(name = "Intake")
public record IntakeView(
        UUID id,
        @Schema(description = "Opaque id Trede issued for the client") UUID clientId,
        String municipalityCode,
        Instant createdAt,
        ProfileFields profile,
        ScoreView score) {

    private static final TypeReference<List<ScoreFactor>> FACTORS = new TypeReference<>() { };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    public static IntakeView of(Intake intake) {
        ScoreView score = new ScoreView(intake.probability, intake.category,
                DistanceCategory.ofNumber(intake.category).dutchLabel(), intake.modelVersion,
                JsonText.read(intake.factors, FACTORS).stream().map(ScoreView.FactorView::of).toList(),
                JsonText.read(intake.missingFields, STRINGS));
        return new IntakeView(intake.id, intake.clientId, intake.municipalityCode, intake.createdAt,
                ProfileFields.of(intake.profile()), score);
    }
}
