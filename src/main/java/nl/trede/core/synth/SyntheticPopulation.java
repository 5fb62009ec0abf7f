package nl.trede.core.synth;

import java.util.List;
import java.util.OptionalDouble;
import nl.trede.core.catalogue.Intervention;
import nl.trede.core.training.Outcome;
import nl.trede.core.training.TrainingData;
import nl.trede.core.training.TrainingRecord;

/**
 * A generated population and how it was generated; the same seed and settings give the same
 * clients.
 *
 * @param origin which history it was drawn from, in words (the training data's description starts with it)
 */
public record SyntheticPopulation(long seed, PopulationGenerator.Settings settings, String origin,
                                  List<SimulatedClient> clients) {

    public int size() {
        return clients.size();
    }

    /**
     * The history as a municipality would have it, for training: per client the recorded intake,
     * what was given and the observed outcomes (none censored), and for the randomised share the
     * known probability of what was given. Nothing of the truth behind it.
     */
    public TrainingData trainingData() {
        List<TrainingRecord> records = clients.stream().map(SyntheticPopulation::record).toList();
        return TrainingData.of(origin + ", " + size() + " clients, seed " + seed, records);
    }

    private static TrainingRecord record(SimulatedClient c) {
        List<String> given = Intervention.NONE.equals(c.intervention()) ? List.of() : List.of(c.intervention());
        OptionalDouble known = c.randomised() ? OptionalDouble.of(PopulationGenerator.randomisedProbability(c.profile()))
                : OptionalDouble.empty();
        return new TrainingRecord(c.profile(), given, Outcome.of(c.worked12()), Outcome.of(c.worked24()), known);
    }

    /** Clients {@code from} (inclusive) to {@code to} (exclusive), as a population with the same origin. */
    public SyntheticPopulation slice(int from, int to) {
        return new SyntheticPopulation(seed, settings, origin, clients.subList(from, to));
    }
}
