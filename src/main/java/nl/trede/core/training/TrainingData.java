package nl.trede.core.training;

import java.util.List;

/**
 * What the trainers learn from, whatever its source: the synthetic population
 * ({@code nl.trede.core.synth.SyntheticPopulation#trainingData()}), a history CSV
 * ({@link HistoryCsvData}), or the service's own decisions and outcomes. A source hands over only
 * what a municipality could know: no true probabilities, no potential outcomes.
 */
public interface TrainingData {

    /** Where the records come from, in one line; trainers store it in the model's provenance. */
    String description();

    /** The records in a fixed order: trainers split them by position, so the same data give the same model. */
    List<TrainingRecord> records();

    static TrainingData of(String description, List<TrainingRecord> records) {
        record InMemory(String description, List<TrainingRecord> records) implements TrainingData {
        }
        return new InMemory(description, List.copyOf(records));
    }

    /** Records {@code from} (inclusive) to {@code to} (exclusive), described as such. */
    default TrainingData slice(int from, int to) {
        return of(description() + ", records " + from + " to " + to, records().subList(from, to));
    }
}
