package nl.trede.core.wording;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every word the advice uses to explain an expected effect, in one place: the effect modifiers of
 * the learned effect model, the stated adjustments of the literature priors, and the sentences
 * around them. Dutch first (the klantmanager repeats it to the client), English alongside.
 */
public final class RationaleVocabulary {


    /** A Dutch and an English phrase that say the same. */
    public record Phrase(String dutch, String english) {
    }

    /** The adjustments of the literature priors: when each applies, as the sentence ends after the factor. */
    public static final Phrase RECENT_INFLOW = new Phrase("bij korter dan een jaar in de bijstand",
            "for recent inflow (under 12 months on benefit)");
    public static final Phrase THREE_YEARS_ON_BENEFIT = new Phrase("na 3 jaar of langer in de bijstand",
            "after 3 or more years on benefit");
    public static final Phrase MOTIVATED = new Phrase("bij een gemotiveerde klant", "for a motivated client");
    public static final Phrase HEALTH_LIMITATION = new Phrase("bij een gezondheidsbeperking", "with a health limitation");
    public static final Phrase NO_STARTING_QUALIFICATION = new Phrase("zonder startkwalificatie (een diploma op mbo 2-niveau of hoger)",
            "without a starting qualification");
    public static final Phrase HIGHER_EDUCATED = new Phrase("bij een hbo- of wo-opleiding", "for the higher-educated");
    public static final Phrase LONG_TERM_OR_REDUCED_PRODUCTIVITY = new Phrase(
            "bij langdurige werkloosheid of minder productiviteit door de gezondheid",
            "for long-term unemployment or reduced productivity");
    public static final Phrase DEADWEIGHT = new Phrase("bij pas kort in de bijstand (de klant vindt waarschijnlijk ook zonder subsidie werk)",
            "for recent inflow (deadweight: would likely find work anyway)");
    public static final Phrase SEVERE_HEALTH_LIMITATION_IPS = new Phrase(
            "bij een ernstige gezondheidsbeperking (daar is jobcoaching voor bedoeld)",
            "with a severe health limitation (IPS target group)");
    public static final Phrase YOUNG_OR_OLDER = new Phrase("bij jonger dan 25 of 50 jaar en ouder (daar werken trajecten minder goed)",
            "for clients under 25 or 50 and over (smaller effects in the meta-analysis)");

    /** The learned effect model's effect modifiers (final-stage columns), by column name. */
    private static final Map<String, Phrase> MODIFIERS = new LinkedHashMap<>();

    static {
        MODIFIERS.put("age:under25", new Phrase("jonger dan 25", "being under 25"));
        MODIFIERS.put("age:50plus", new Phrase("50 jaar of ouder", "being 50 or over"));
        MODIFIERS.put("monthsOnBenefit:under12", new Phrase("korter dan een jaar in de bijstand", "less than a year on benefit"));
        MODIFIERS.put("monthsOnBenefit:log", new Phrase("de tijd in de bijstand", "time on benefit"));
        MODIFIERS.put("expectsWork", new Phrase("de eigen verwachting werk te vinden", "the client's own expectation of finding work"));
        MODIFIERS.put("motivation", new Phrase("de motivatie", "motivation"));
        MODIFIERS.put("healthLimitation=SOME", new Phrase("een gezondheidsbeperking", "a health limitation"));
        MODIFIERS.put("healthLimitation=SEVERE", new Phrase("een ernstige gezondheidsbeperking", "a severe health limitation"));
        MODIFIERS.put("baselineChance", new Phrase("de eigen kans op werk zonder hulp (wie die kans al heeft, verliest tijd in een traject)",
                "the client's own chance of work without help (lock-in)"));
        MODIFIERS.put("literaturePrior", new Phrase("wat onderzoek verwacht voor klanten zoals deze",
                "what the literature expects for clients like this"));
    }

    private RationaleVocabulary() {
    }

    /** How a klantmanager would say an effect modifier. */
    public static Phrase modifier(String column) {
        Phrase phrase = MODIFIERS.get(column);
        if (phrase == null) {
            throw new IllegalArgumentException("no words for effect modifier " + column);
        }
        return phrase;
    }

    /** One effect modifier or term, in words, and how many percentage points it moves this client's effect from the average client's. */
    public record Driver(Phrase words, double percentagePoints) {
    }

    /** {@code NONE}: the option every effect is measured against. */
    public static Rationale noIntervention() {
        return new Rationale("Het uitgangspunt: elk ander effect is het verschil met geen interventie.",
                "The baseline: every other effect is the difference with no intervention");
    }

    /** One stated adjustment of a literature prior: the factor and when it applies. */
    public record Adjustment(double factor, Phrase condition) {
    }

    /** A literature prior, with the stated adjustments that apply to this client (may be none). */
    public static Rationale literature(String source, List<Adjustment> adjustments) {
        if (adjustments.isEmpty()) {
            return new Rationale("Verwachting uit onderzoek voor een gemiddelde bijstandsklant.",
                    "Literature prior for an average bijstand client (" + source + ")");
        }
        List<String> dutch = new ArrayList<>();
        List<String> english = new ArrayList<>();
        for (Adjustment a : adjustments) {
            String factor = BigDecimal.valueOf(a.factor()).stripTrailingZeros().toPlainString();
            dutch.add(factor.replace('.', ',') + " keer zo groot " + a.condition().dutch());
            english.add("×" + factor + " " + a.condition().english());
        }
        return new Rationale("Verwachting uit onderzoek, aangepast voor deze klant: " + String.join("; ", dutch) + ".",
                "Literature prior, " + String.join("; ", english));
    }

    /** A learned effect: how many clients it was learned from, what moves it for this client, and the prior/data split. */
    public static Rationale learned(int eligibleClients, int treatedClients, List<Driver> drivers, double priorShare) {
        StringBuilder dutch = new StringBuilder("Geleerd van ").append(NumberStyle.DUTCH.grouped(eligibleClients))
                .append(" klanten voor wie dit traject openstond; ").append(NumberStyle.DUTCH.grouped(treatedClients))
                .append(" van hen kregen het.");
        StringBuilder english = new StringBuilder("Learned from ").append(NumberStyle.ENGLISH.grouped(eligibleClients))
                .append(" eligible clients, ").append(NumberStyle.ENGLISH.grouped(treatedClients)).append(" of whom received it");
        if (drivers.isEmpty()) {
            dutch.append(" Het effect voor deze klant ligt dicht bij dat voor een gemiddelde klant.");
            english.append("; this client's effect is close to the average client's");
        } else {
            List<String> nl = new ArrayList<>();
            List<String> en = new ArrayList<>();
            for (Driver d : drivers) {
                Phrase words = d.words();
                nl.add(words.dutch() + " (" + NumberStyle.DUTCH.signed(d.percentagePoints(), 1) + " procentpunt)");
                en.add(words.english() + " (" + NumberStyle.ENGLISH.signed(d.percentagePoints(), 1) + " pp)");
            }
            dutch.append(" Vergeleken met een gemiddelde klant telt voor deze klant vooral mee: ").append(String.join(", ", nl)).append('.');
            english.append("; compared with the average client, this client's learned effect is driven by ").append(String.join(", ", en));
        }
        long prior = Math.round(100 * priorShare);
        dutch.append(" Het getal komt voor ").append(prior).append(" % uit onderzoek en voor ").append(100 - prior)
                .append(" % uit gegevens van eerdere klanten.");
        english.append("; ").append(prior).append(" % prior, ").append(100 - prior).append(" % data");
        return new Rationale(dutch.toString(), english.toString());
    }

    /** Too few comparable clients received the intervention: no number is given. */
    public static Rationale notComparable(String technicalNote) {
        return new Rationale("Te weinig vergelijkbare klanten hebben dit traject gekregen: daarom geeft Trede hier geen getal.",
                "Not enough comparable history: " + technicalNote);
    }

    /** The client does not meet the intervention's rule. */
    public static Rationale notEligible(String dutchRule, String englishRule) {
        return new Rationale("Past niet bij deze klant: " + dutchRule + ".", "Not eligible: " + englishRule);
    }
}
