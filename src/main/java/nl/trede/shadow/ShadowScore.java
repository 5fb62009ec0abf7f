package nl.trede.shadow;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import nl.trede.core.recommend.ShownAdvice;
import nl.trede.persistence.ClientFact;
import nl.trede.recommendation.AdviceBody;

/**
 * What a shadow version answered for a live intake, beside the active set's ranking for the same
 * intake: kept for the comparison only, never shown to a case system or klantmanager. One row per
 * intake and shadow version (a unique constraint); its intake id is the live intake's.
 */
@Entity
@Table(name = "shadow_score")
public class ShadowScore extends ClientFact {

    private static final String SEPARATOR = ",";

    @Column(name = "intake_id", nullable = false)
    public UUID intakeId;
    @Column(name = "shadow_version", nullable = false)
    public long shadowVersion;
    @Column(name = "distance_model_version", nullable = false, length = 100)
    public String distanceModelVersion;
    @Column(name = "effect_model_version", nullable = false, length = 100)
    public String effectModelVersion;
    @Column(name = "catalogue_version", nullable = false, length = 100)
    public String catalogueVersion;
    @Column(nullable = false)
    public double probability;
    @Column(nullable = false)
    public int category;
    /** The shadow's ranking at 12 months: intervention codes in rank order, comma-separated. */
    @Column(nullable = false, length = 1000)
    public String ranking12;
    @Column(nullable = false, length = 1000)
    public String ranking24;
    /** The shadow's advice at 12 months as it would have been shown, in {@link AdviceBody}'s stored shape. */
    @Column(nullable = false, length = 65535)
    public String advice12;
    @Column(nullable = false, length = 65535)
    public String advice24;
    @Column(name = "active_effect_model_version", nullable = false, length = 100)
    public String activeEffectModelVersion;
    @Column(name = "active_ranking12", nullable = false, length = 1000)
    public String activeRanking12;
    @Column(name = "active_ranking24", nullable = false, length = 1000)
    public String activeRanking24;

    static String ranking(ShownAdvice advice) {
        return String.join(SEPARATOR, advice.ranked().stream().map(ShownAdvice.Option::code).toList());
    }

    static List<String> codes(String ranking) {
        return Arrays.asList(ranking.split(SEPARATOR));
    }

    /** Erasure: the advice texts go (they are derived from the profile); codes, scores, versions and dates stay. */
    public static void eraseOfClient(UUID clientId) {
        update("advice12 = ?1, advice24 = ?1 where clientId = ?2", AdviceBody.ERASED, clientId);
    }
}
