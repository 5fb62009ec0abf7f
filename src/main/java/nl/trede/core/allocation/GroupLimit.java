package nl.trede.core.allocation;

import java.util.List;

/**
 * A fairness limit: among the clients whose {@code attribute} is recorded, the share of {@code group}
 * among those given an intervention (or the one offer {@code offer}) must be at least
 * {@code minimumRatio} times its share of the cohort (0.8 is the "four-fifths" rule). Clients whose
 * attribute is not recorded count neither for nor against it. As a linear constraint:
 * {@code n · T_g − ratio · n_g · T ≥ 0}, with n the recorded clients of the cohort, n_g those of the
 * group, T the recorded clients given the intervention and T_g those of the group.
 *
 * @param offer the offer's index, or {@link Allocation#NOTHING} for any intervention
 */
public record GroupLimit(String attribute, String group, double minimumRatio, int offer) {

    public GroupLimit {
        if (!(minimumRatio > 0 && minimumRatio <= 1)) {
            throw new IllegalArgumentException("A minimum ratio lies in (0, 1]");
        }
    }

    /** Whether a candidate's attribute is recorded, and whether it is of the group. */
    boolean recorded(Candidate c) {
        return c.groups() != null && c.groups().containsKey(attribute);
    }

    boolean member(Candidate c) {
        return recorded(c) && group.equals(c.groups().get(attribute));
    }

    boolean counts(int offerIndex) {
        return offer == Allocation.NOTHING || offer == offerIndex;
    }

    /** The group's share of the cohort's clients with the attribute recorded (0 when none is). */
    public double cohortShare(List<Candidate> cohort) {
        long recorded = cohort.stream().filter(this::recorded).count();
        return recorded == 0 ? 0 : cohort.stream().filter(this::member).count() / (double) recorded;
    }

    /** The group's share of the recorded clients an allocation gives what the limit counts; NaN when it gives them nothing. */
    public double recipientShare(List<Candidate> cohort, Allocation allocation) {
        int recipients = 0;
        int members = 0;
        for (int i = 0; i < cohort.size(); i++) {
            int o = allocation.placements().get(i).offer();
            if (o != Allocation.NOTHING && counts(o) && recorded(cohort.get(i))) {
                recipients++;
                members += member(cohort.get(i)) ? 1 : 0;
            }
        }
        return recipients == 0 ? Double.NaN : members / (double) recipients;
    }
}
