package nl.trede.shadow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import nl.trede.allocation.ProtectedAttribute;
import nl.trede.api.NotFound;
import nl.trede.audit.AuditTrail;
import nl.trede.core.evaluation.ShadowAgreement;
import nl.trede.core.profile.LanguageLevel;
import nl.trede.core.report.CandidateEvaluation;
import nl.trede.models.ActiveModels;
import nl.trede.models.ModelRegistry;
import nl.trede.security.CurrentUser;
import nl.trede.security.Roles;

/**
 * Compares a shadow version's stored answers with the active set's on the intakes of the caller's
 * municipalities: overall and per subgroup. The protected attributes (recorded apart, read through
 * {@link ProtectedAttribute.Groups}) only group the intakes, and only for the fairness-auditor role.
 */
@ApplicationScoped
public class ShadowComparisons {

    /**
     * Subgroups with fewer intakes are reported without rates: a share of fewer than 20 moves by 5
     * points or more with one intake, and a small protected group comes too close to a person.
     */
    public static final int MINIMUM_SUBGROUP = 20;
    private static final String RESOURCE = "ShadowComparison";

    private final ActiveModels models;
    private final ModelRegistry registry;
    private final ProtectedAttribute.Groups protectedGroups;
    private final CurrentUser user;
    private final AuditTrail audit;

    public ShadowComparisons(ActiveModels models, ModelRegistry registry, ProtectedAttribute.Groups protectedGroups,
                             CurrentUser user, AuditTrail audit) {
        this.models = models;
        this.registry = registry;
        this.protectedGroups = protectedGroups;
        this.user = user;
        this.audit = audit;
    }

    /** One compared intake: who (for the protected groups), when, its profile's groups and both answers. */
    private record Compared(UUID clientId, Instant at, String ageBand, String language, ShadowAgreement.Pair pair) {
    }

    /** The comparison of the given version (null: the version shadowing now). */
    @Transactional
    public ShadowComparison compare(Long requested) {
        long version = requested != null ? requested : models.shadow().map(ActiveModels.Numbered::version)
                .orElseThrow(() -> new NotFound("A shadowing version (none shadows now; name one with ?version=)"));
        if (!registry.exists(version)) {
            throw new NotFound("Model version " + version);
        }
        List<String> municipalities = List.copyOf(user.municipalities());
        List<Compared> compared = municipalities.isEmpty() ? List.of() : compared(version, municipalities);
        boolean withProtected = user.hasRole(Roles.FAIRNESS_AUDITOR);

        ShadowAgreement overall = new ShadowAgreement();
        Map<String, Function<Compared, String>> groupings = new LinkedHashMap<>();
        groupings.put(CandidateEvaluation.AGE, Compared::ageBand);
        groupings.put(CandidateEvaluation.LANGUAGE, Compared::language);
        if (withProtected) {
            List<UUID> clients = compared.stream().map(Compared::clientId).distinct().toList();
            Map<UUID, String> gender = protectedGroups.of(ProtectedAttribute.GENDER, clients);
            Map<UUID, String> migration = protectedGroups.of(ProtectedAttribute.MIGRATION_BACKGROUND, clients);
            groupings.put(CandidateEvaluation.GENDER, c -> gender.getOrDefault(c.clientId(), CandidateEvaluation.UNKNOWN));
            groupings.put(CandidateEvaluation.MIGRATION, c -> migration.getOrDefault(c.clientId(), CandidateEvaluation.UNKNOWN));
        }
        Map<String, Map<String, ShadowAgreement>> byGroup = new LinkedHashMap<>();
        Instant from = null;
        Instant to = null;
        for (Compared c : compared) {
            overall.add(c.pair());
            from = from == null || c.at().isBefore(from) ? c.at() : from;
            to = to == null || c.at().isAfter(to) ? c.at() : to;
            groupings.forEach((attribute, groupOf) -> byGroup.computeIfAbsent(attribute, a -> new TreeMap<>())
                    .computeIfAbsent(groupOf.apply(c), g -> new ShadowAgreement()).add(c.pair()));
        }
        List<ShadowComparison.Subgroup> subgroups = new ArrayList<>();
        byGroup.forEach((attribute, groups) -> groups.forEach((group, agreement) ->
                subgroups.add(ShadowComparison.subgroup(attribute, group, agreement.summary(), MINIMUM_SUBGROUP))));

        for (String municipality : municipalities) {
            audit.record(AuditTrail.Action.READ, RESOURCE, null, municipality, Long.toString(version),
                    withProtected ? AuditTrail.Detail.FAIRNESS_ATTRIBUTES_USED : null);
        }
        ShadowAgreement.Summary summary = overall.summary();
        return new ShadowComparison(version, municipalities, summary.clients(),
                from == null ? null : new ShadowComparison.Period(from, to), MINIMUM_SUBGROUP, withProtected,
                ShadowComparison.categories(summary), ShadowComparison.advice(summary), subgroups);
    }

    private static List<Compared> compared(long version, List<String> municipalities) {
        return ShadowScore.getEntityManager().createQuery("select s.clientId, s.createdAt, s.category, s.probability, "
                        + "s.ranking12, s.ranking24, s.activeRanking12, s.activeRanking24, i.category, i.probability, i.age, "
                        + "i.dutchLanguageLevel from ShadowScore s, Intake i where i.id = s.intakeId and s.shadowVersion = ?1 "
                        + "and s.municipalityCode in ?2", Object[].class)
                .setParameter(1, version).setParameter(2, municipalities)
                .getResultStream()
                .map(r -> new Compared((UUID) r[0], (Instant) r[1], CandidateEvaluation.ageBand((Integer) r[10]),
                        r[11] == null ? CandidateEvaluation.UNKNOWN : ((LanguageLevel) r[11]).name(),
                        new ShadowAgreement.Pair((Integer) r[8], (Integer) r[2], (Double) r[9], (Double) r[3], List.of(
                                new ShadowAgreement.Rankings(12, ShadowScore.codes((String) r[6]), ShadowScore.codes((String) r[4])),
                                new ShadowAgreement.Rankings(24, ShadowScore.codes((String) r[7]), ShadowScore.codes((String) r[5]))))))
                .toList();
    }
}
