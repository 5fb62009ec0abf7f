package nl.trede.decision;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.trede.persistence.ClientFact;
import nl.trede.persistence.JsonText;

/** What the klantmanager decided on an intake, against which advice; an append-only fact. */
@Entity
@Table(name = "decision")
public class Decision extends ClientFact {

    @Column(name = "intake_id", nullable = false)
    public UUID intakeId;
    @Column(name = "recommendation_id", nullable = false)
    public UUID recommendationId;
    /** The chosen intervention codes, as a JSON array. */
    @Column(name = "intervention_codes", nullable = false, length = 1000)
    public String interventionCodes;
    @Column(name = "klantmanager_id", nullable = false, length = 64)
    public String klantmanagerId;
    /** Who recorded the decision: the token's subject (a case system, or the klantmanager). */
    @Column(name = "recorded_by", length = 1000)
    public String recordedBy;
    /** A klantmanager recorded it under another klantmanagerId than their own token's subject. */
    @Column(name = "klantmanager_id_is_not_caller", nullable = false)
    public boolean klantmanagerIdIsNotCaller;
    @Column(name = "recommended_code", nullable = false, length = 40)
    public String recommendedCode;
    @Column(name = "score_category", nullable = false)
    public int scoreCategory;
    @Column(name = "adjusted_category")
    public Integer adjustedCategory;
    @Column(nullable = false)
    public boolean override;
    @Enumerated(EnumType.STRING)
    @Column(name = "reason_code", length = 40)
    public ReasonCode reasonCode;
    @Column(length = 2000)
    public String note;
    @Column(name = "model_version", nullable = false, length = 100)
    public String modelVersion;
    @Column(name = "effect_model_version", nullable = false, length = 100)
    public String effectModelVersion;
    /** The catalogue of the advice decided on; null on decisions recorded before decisions kept it. */
    @Column(name = "catalogue_version", length = 100)
    public String catalogueVersion;
    /** The draw among tied options the decision was taken after; null without one. */
    @Column(name = "draw_id")
    public UUID drawId;

    public List<String> chosenCodes() {
        return JsonText.read(interventionCodes, new TypeReference<List<String>>() { });
    }

    public static List<Decision> ofClient(UUID clientId) {
        return list("clientId = ?1 order by createdAt", clientId);
    }

    public static Optional<Decision> latestOfClient(UUID clientId) {
        return find("clientId = ?1 order by createdAt desc", clientId).firstResultOptional();
    }
}
