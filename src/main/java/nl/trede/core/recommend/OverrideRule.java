package nl.trede.core.recommend;

import java.util.List;

/**
 * When a decision overrides the advice it was taken on. It follows the advice when it chooses
 * exactly the top recommendation, or exactly one option statistically tied with the top (the
 * advice then names no single winner); anything else — another option, or the top together with
 * more — is an override, and so is adjusting the score's distance category. After a draw among the
 * tied options ({@link TieDraw}) the drawn option is the advice: choosing exactly it follows the
 * advice, anything else deviates from the draw. An override must say why: overrides are the human
 * oversight the next model learns from.
 */
public final class OverrideRule {

    private OverrideRule() {
    }

    /** Whether the decision is an override, and whether it lacks the reason an override needs. */
    public record Verdict(boolean override, boolean reasonMissing) {
    }

    /**
     * @param top              the code of the advice's top option
     * @param tiedWithTop      the codes of the options statistically tied with it
     * @param scoreCategory    the distance category of the intake's score
     * @param chosen           the chosen intervention codes
     * @param adjustedCategory the klantmanager's own category, or null when not adjusted
     * @param reasonGiven      whether the decision carries a reason code
     */
    public static Verdict judge(String top, List<String> tiedWithTop, int scoreCategory, List<String> chosen,
                                Integer adjustedCategory, boolean reasonGiven) {
        return verdict(followsAdvice(top, tiedWithTop, chosen), scoreCategory, adjustedCategory, reasonGiven);
    }

    /**
     * The same for a decision taken after a draw: it follows the advice only when it chooses exactly
     * the drawn option; the top or another tied option deviates from the draw and needs a reason.
     *
     * @param drawn the option drawn among those tied with the top
     */
    public static Verdict judgeAfterDraw(String drawn, int scoreCategory, List<String> chosen, Integer adjustedCategory,
                                         boolean reasonGiven) {
        return verdict(chosen.equals(List.of(drawn)), scoreCategory, adjustedCategory, reasonGiven);
    }

    private static Verdict verdict(boolean followsAdvice, int scoreCategory, Integer adjustedCategory, boolean reasonGiven) {
        boolean categoryAdjusted = adjustedCategory != null && adjustedCategory != scoreCategory;
        boolean override = categoryAdjusted || !followsAdvice;
        return new Verdict(override, override && !reasonGiven);
    }

    /** Exactly one option, and it is the top or tied with it. */
    public static boolean followsAdvice(String top, List<String> tiedWithTop, List<String> chosen) {
        return chosen.size() == 1 && (chosen.get(0).equals(top) || tiedWithTop.contains(chosen.get(0)));
    }
}
