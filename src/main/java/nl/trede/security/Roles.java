package nl.trede.security;

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

    private Roles() {
    }
}
