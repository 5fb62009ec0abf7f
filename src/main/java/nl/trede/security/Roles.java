package nl.trede.security;

import java.util.Set;

/**
 * The roles a token can carry (in its {@code groups} claim). Which role may call which endpoint is
 * declared on each resource method with {@code @RolesAllowed} and tabled in the README.
 */
public final class Roles {

    /** A municipal case system (Suite4, GWS4all, …): posts intakes, decisions and outcomes. */
    public static final String CASE_SYSTEM = "case-system";
    /** A klantmanager, through the web page. */
    public static final String KLANTMANAGER = "klantmanager";
    /** A data scientist or policy analyst: models, aggregates, no individual client data. */
    public static final String DATA_SCIENTIST = "data-scientist";
    /** An auditor or privacy officer: the audit trail and aggregates. */
    public static final String AUDITOR = "auditor";
    /** A functional administrator: erasure and retention. */
    public static final String ADMIN = "admin";
    /**
     * A fairness auditor: the only role that may read protected attributes (gender, migration
     * background), and only to compare how models and advice treat groups.
     */
    public static final String FAIRNESS_AUDITOR = "fairness-auditor";
    /**
     * A team lead of the sociale dienst: sets the places, costs and budget of a period and runs the
     * allocation of those places over the open caseload; sees aggregates and proposals, decides nothing.
     */
    public static final String TEAM_LEAD = "team-lead";
    /** Whoever runs the installation: the metrics, no client data and no municipality. */
    public static final String OPERATOR = "operator";

    /** Every Trede role; a token's other groups (team paths and the like) mean nothing to Trede. */
    public static final Set<String> ALL = Set.of(CASE_SYSTEM, KLANTMANAGER, DATA_SCIENTIST, AUDITOR, ADMIN, FAIRNESS_AUDITOR, TEAM_LEAD,
            OPERATOR);

    private Roles() {
    }
}
