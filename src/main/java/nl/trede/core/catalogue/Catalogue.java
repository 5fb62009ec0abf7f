package nl.trede.core.catalogue;

import java.util.List;
import java.util.Optional;

/**
 * An ordered set of interventions, always containing {@code NONE}, with a version that every advice
 * computed from it records.
 */
public record Catalogue(String version, List<Intervention> interventions) {

    /** The catalogue's key beside the kinds of model wherever versions are listed. */
    public static final String KIND = "catalogue";

    private static final String CARD_KLUVE_WEBER =
            "Card, Kluve & Weber (2018) meta-analysis, shrunk for the Dutch bijstand population (indicative)";

    /** The starting catalogue of BRIEF.md; its priors are indicative design assumptions. */
    public static final Catalogue STARTING = new Catalogue("catalogue-1", List.of(
            new Intervention(Intervention.NONE, "geen interventie", "no intervention", 0, 0,
                    EvidenceLevel.STRONG_INDICATIONS, Eligibility.EVERYONE, 0, 0, "baseline by definition"),
            new Intervention("JOB_SEARCH_ASSISTANCE", "sollicitatietraining en bemiddeling", "job search assistance",
                    1200, 3, EvidenceLevel.GOOD_INDICATIONS, Eligibility.EVERYONE, 2.0, 1.5,
                    CARD_KLUVE_WEBER + "; larger for recent inflow and motivated clients"),
            new Intervention("WORK_FIRST", "work first", "work first", 2500, 3,
                    EvidenceLevel.FIRST_INDICATIONS, Eligibility.NO_SEVERE_HEALTH_LIMITATION, 2.5, 2.0,
                    "Dutch work-first evaluations and Rotterdam sanction studies (Van den Berg et al.), indicative"),
            new Intervention("VOCATIONAL_TRAINING", "beroepsgerichte scholing", "vocational training", 4600, 9,
                    EvidenceLevel.GOOD_INDICATIONS, Eligibility.EVERYONE, -1.5, 4.0,
                    CARD_KLUVE_WEBER + "; lock-in during training, larger for the low-educated"),
            new Intervention("ON_THE_JOB_TRAINING", "leerwerktraject", "on-the-job training", 3500, 6,
                    EvidenceLevel.FIRST_INDICATIONS, Eligibility.EVERYONE, 1.0, 4.5, CARD_KLUVE_WEBER),
            new Intervention("WAGE_SUBSIDY", "loonkostensubsidie", "wage subsidy", 8000, 12,
                    EvidenceLevel.GOOD_INDICATIONS, Eligibility.EVERYONE, 4.0, 5.0,
                    CARD_KLUVE_WEBER + "; strongest for the long-term unemployed, deadweight for others"),
            new Intervention("WORK_EXPERIENCE_PLACEMENT", "werkervaringsplaats", "work experience placement", 5000, 6,
                    EvidenceLevel.FIRST_INDICATIONS, Eligibility.EVERYONE, -1.0, 0.5,
                    CARD_KLUVE_WEBER + "; public job creation works least"),
            new Intervention("JOB_COACHING", "jobcoaching (IPS)", "job coaching (IPS)", 3000, 6,
                    EvidenceLevel.STRONG_INDICATIONS, Eligibility.HEALTH_LIMITATION, 3.0, 4.0,
                    "Individual Placement and Support trials for people with mental-health limitations (indicative)"),
            new Intervention("DEBT_COUNSELLING", "schuldhulpverlening", "debt counselling", 1500, 6,
                    EvidenceLevel.WELL_FOUNDED, Eligibility.PROBLEMATIC_DEBTS, 1.0, 2.0,
                    "Dutch practice-based evidence on debts as a barrier to work (indicative)"),
            new Intervention("LANGUAGE_TRAINING", "taaltraject NT2", "Dutch language training (NT2)", 2500, 9,
                    EvidenceLevel.WELL_FOUNDED, Eligibility.LANGUAGE_BELOW_B1, -1.0, 3.0,
                    "Dutch and Scandinavian language-programme evaluations, lock-in during the course (indicative)"),
            new Intervention("SOCIAL_ACTIVATION", "sociale activering", "social activation", 1800, 6,
                    EvidenceLevel.WELL_DESCRIBED, Eligibility.EVERYONE, 0.0, 1.0,
                    "Aims at the participation ladder rather than paid work (Delft, Hoorn), indicative")));

    public Optional<Intervention> find(String code) {
        return interventions.stream().filter(i -> i.code().equals(code)).findFirst();
    }
}
