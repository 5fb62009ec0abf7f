package nl.trede.core.distance;

/**
 * One reason behind a score: how much the probability moves, in percentage points, when this
 * field is replaced by the value of a typical client ({@code reference}). Positive raises the
 * chance of work. The explanation is plain Dutch, for the klantmanager to repeat to the client.
 */
public record ScoreFactor(String field, Direction direction, double percentagePoints, String explanation) {

    public enum Direction { RAISES_CHANCE, LOWERS_CHANCE }
}
