package nl.trede.core.synth;

/**
 * One history of the {@link TestHistories} family: a truth, how klantmanagers assigned
 * interventions, and the size of the municipality it stands for.
 *
 * @param name        short name for the command line and tables
 * @param summary     what shape it tests, in one line
 * @param defaultSize clients in the history when no other size is asked for
 */
public record TestHistory(String name, String summary, int defaultSize, PopulationGenerator generator) {

    public SyntheticPopulation generate(int size, long seed) {
        return generator.generate(size, seed);
    }

    /** The truth behind the history: for the evaluation against it, never for a learner. */
    public OutcomeTruth truth() {
        return generator.truth();
    }
}
