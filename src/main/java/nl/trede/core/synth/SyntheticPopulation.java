package nl.trede.core.synth;

import java.util.List;

/**
 * A generated population and how it was generated; the same seed and settings give the same
 * clients.
 */
public record SyntheticPopulation(long seed, PopulationGenerator.Settings settings, List<SimulatedClient> clients) {

    public int size() {
        return clients.size();
    }

    /** Clients {@code from} (inclusive) to {@code to} (exclusive), as a population with the same origin. */
    public SyntheticPopulation slice(int from, int to) {
        return new SyntheticPopulation(seed, settings, clients.subList(from, to));
    }
}
