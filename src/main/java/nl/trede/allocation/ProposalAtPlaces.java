package nl.trede.allocation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the latest allocation run proposed for an intake, as the klantmanager's advice shows it beside
 * the unconstrained ranking ("voorstel bij de beschikbare plaatsen"). Advice, not a decision.
 */
@Schema(name = "ProposalAtAvailablePlaces", description = "What the team lead's latest allocation run proposes for this intake within "
        + "the period's places and budget. It is advice beside the ranking: the klantmanager decides. A decision is judged against "
        + "the ranking (its top, or an option tied with it); choosing the proposal where it differs is a deviation whose reason is "
        + "CAPACITY")
public record ProposalAtPlaces(
        @Schema(description = "The allocation run") UUID runId,
        @Schema(example = "2026-Q4") String period,
        @Schema(description = "Horizon of the run's expected effects, which may differ from the advice's", example = "12") int horizonMonths,
        @Schema(description = "When the run was made") Instant createdAt,
        @Schema(description = "The proposed intervention; NONE when the run gives this client no place", example = "JOB_COACHING")
        String interventionCode,
        @Schema(description = "Percentage points on P(paid work) at the run's horizon, with a 95 % interval (0 for NONE); null once "
                + "the client's personal data were erased", nullable = true) AllocationRunView.Effect expectedEffect,
        @Schema(description = "Statistically tied, at the constraints' prices, with another client's claim to the place") boolean nearTie,
        @Schema(description = "The alternative it is tied with (NONE for nothing); null when not a near-tie", nullable = true)
        String nearTieWith) {

    /**
     * The proposal of the latest run that included this intake: one query on the proposal's
     * (intake_id, created_at) index, joined to its run for the period and horizon.
     */
    public static Optional<ProposalAtPlaces> latestFor(UUID intakeId) {
        List<Object[]> rows = AllocationProposal.getEntityManager().createQuery(
                        "select p, r.period, r.horizonMonths from AllocationProposal p, AllocationRun r"
                                + " where p.intakeId = ?1 and r.id = p.runId order by p.createdAt desc", Object[].class)
                .setParameter(1, intakeId).setMaxResults(1).getResultList();
        return rows.stream().findFirst().map(row -> {
            AllocationProposal p = (AllocationProposal) row[0];
            return new ProposalAtPlaces(p.runId, (String) row[1], (Integer) row[2], p.createdAt, p.interventionCode,
                    AllocationRunView.Effect.of(p), p.nearTie, p.nearTieWith);
        });
    }
}
