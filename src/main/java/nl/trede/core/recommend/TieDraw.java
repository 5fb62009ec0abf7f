package nl.trede.core.recommend;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Randomisation among the options statistically tied with the top of an advice, where the
 * municipality allows it: the data cannot tell these options apart, so a draw among them costs the
 * client nothing that is known, and it is how the municipality learns which of them works (a
 * recorded probability makes the assignment usable for training without guessing a propensity).
 *
 * <p>Who takes part: the top and the options tied with it ({@link ShownAdvice.Option#tiedWith()}),
 * in rank order, less those the klantmanager excluded. Only ranked options can be tied, so an
 * option the client is not eligible for, or one without comparable history, never takes part.
 * {@code NONE} takes part like any other option when it is tied: "no intervention works as well as
 * the top" is the comparison a municipality most needs to learn. Every candidate has the same
 * probability: nothing known favours one of them.
 */
public final class TieDraw {

    private TieDraw() {
    }

    /** An option taking part in a draw, and its probability of being drawn. */
    public record Candidate(String code, double probability) {
    }

    /** The candidates with their probabilities, and the option drawn among them. */
    public record Result(List<Candidate> candidates, String drawn) {

        /** The probability the drawn option had. */
        public double drawnProbability() {
            return candidates.stream().filter(c -> c.code().equals(drawn)).findFirst().orElseThrow().probability();
        }

        /**
         * The probability with which what was given was assigned: the drawn option's when exactly it was
         * given; null when the klantmanager deviated from the draw, because then nobody knows why.
         */
        public Double assignmentProbability(List<String> given) {
            return given.equals(List.of(drawn)) ? drawnProbability() : null;
        }
    }

    /** The top and the options tied with it, in rank order: what a draw may be among before exclusions. */
    public static List<String> tiedWithTop(ShownAdvice advice) {
        if (advice.ranked().isEmpty()) {
            return List.of(); // an erased advice keeps no options
        }
        ShownAdvice.Option top = advice.top();
        List<String> tied = new ArrayList<>();
        for (ShownAdvice.Option option : advice.ranked()) {
            if (option == top || top.tiedWith().contains(option.code())) {
                tied.add(option.code());
            }
        }
        return tied;
    }

    /** The options that take part: those tied with the top, less the excluded ones. */
    public static List<String> candidates(ShownAdvice advice, Set<String> excluded) {
        return tiedWithTop(advice).stream().filter(code -> !excluded.contains(code)).toList();
    }

    /**
     * Draws one of the candidates, each with the same probability.
     *
     * @throws IllegalArgumentException with fewer than two candidates: one option is no draw
     */
    public static Result draw(List<String> candidates, RandomGenerator random) {
        if (candidates.size() < 2) {
            throw new IllegalArgumentException("a draw needs at least two candidates, got " + candidates.size());
        }
        double probability = 1.0 / candidates.size();
        List<Candidate> weighted = candidates.stream().map(code -> new Candidate(code, probability)).toList();
        return new Result(weighted, candidates.get(random.nextInt(candidates.size())));
    }
}
