package nl.trede.recommendation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import nl.trede.core.catalogue.EvidenceLevel;
import nl.trede.core.causal.EffectSource;
import nl.trede.core.recommend.ShownAdvice;
import nl.trede.core.wording.Rationale;
import nl.trede.persistence.JsonText;

/**
 * How a {@link ShownAdvice} is stored in the body column of the recommendation table: its own
 * shape, apart from the API's view, so that the API can change without rewriting history. The
 * property names are those of the rows written before this mapping existed, so those rows still
 * read; their texts were shown in English only, and are read back as shown. Those old rows carry a
 * few properties more, named below and ignored; any other unknown property is an error (JsonText is
 * strict), so that a renamed one cannot read back as missing.
 */
public final class AdviceBody {

    /** What erasure leaves of an advice: the codes and versions stay in their columns. */
    public static final String ERASED = "{\"erased\":true}";

    /** "erased" marks an erased body ({@link #ERASED}): it reads as advice without options. */
    @JsonIgnoreProperties({"erased", "id", "intakeId", "clientId", "municipalityCode", "createdAt", "horizonMonths",
            "modelVersion", "effectModelVersion"})
    record Body(Double baselineChance, List<Item> items, List<NotEligible> notEligible) {
    }

    @JsonIgnoreProperties({"rank", "comparableHistory"})
    record Item(String interventionCode, String name, Effect expectedEffect, EffectSource effectSource, double priorShare,
                double costEuros, int durationMonths, EvidenceLevel evidenceLevel, String rationale, String rationaleEnglish,
                List<String> tiedWith) {
    }

    @JsonIgnoreProperties("horizonMonths")
    record Effect(double pointEstimate, double lower, double upper) {
    }

    record NotEligible(String interventionCode, String name, String reason, String reasonEnglish) {
    }

    private static final JsonFactory FACTORY = new JsonFactory();

    private AdviceBody() {
    }

    public static String write(ShownAdvice advice) {
        List<Item> items = advice.ranked().stream().map(o -> new Item(o.code(), o.name(),
                o.effect() == null ? null : new Effect(o.effect().pointEstimate(), o.effect().lower(), o.effect().upper()),
                o.source(), o.priorShare(), o.costEuros(), o.durationMonths(), o.evidenceLevel(),
                o.rationale().dutch(), o.rationale().english(), o.tiedWith())).toList();
        List<NotEligible> excluded = advice.notEligible().stream()
                .map(x -> new NotEligible(x.code(), x.name(), x.reason().dutch(), x.reason().english())).toList();
        return JsonText.write(new Body(advice.baselineChance(), items, excluded));
    }

    static ShownAdvice read(String json, int horizonMonths, ShownAdvice.Versions versions) {
        Body body = JsonText.read(json, new TypeReference<Body>() { });
        List<ShownAdvice.Option> options = body.items() == null ? List.of() : body.items().stream()
                .map(i -> new ShownAdvice.Option(i.interventionCode(), i.name(),
                        i.expectedEffect() == null ? null
                                : new ShownAdvice.Effect(i.expectedEffect().pointEstimate(), i.expectedEffect().lower(),
                                        i.expectedEffect().upper()),
                        i.effectSource(), i.priorShare(), i.costEuros(), i.durationMonths(), i.evidenceLevel(),
                        asShown(i.rationale(), i.rationaleEnglish()), List.copyOf(i.tiedWith())))
                .toList();
        List<ShownAdvice.Excluded> excluded = body.notEligible() == null ? List.of() : body.notEligible().stream()
                .map(x -> new ShownAdvice.Excluded(x.interventionCode(), x.name(), asShown(x.reason(), x.reasonEnglish())))
                .toList();
        return new ShownAdvice(horizonMonths, versions, body.baselineChance(), options, excluded);
    }

    /**
     * The options tied with the top (the first item), read without building the rest of the advice:
     * a decision needs only these, and parsing the whole advice (about 11 KB) was a tenth of a
     * decision's CPU. An erased body or advice without options has none.
     */
    static List<String> topTiedWith(String json) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("Stored advice is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!"items".equals(field)) {
                    parser.skipChildren();
                } else if (value != JsonToken.START_ARRAY || parser.nextToken() != JsonToken.START_OBJECT) {
                    return List.of();
                } else {
                    return tiedWithOfItem(parser);
                }
            }
            return List.of();
        } catch (IOException e) {
            throw new IllegalStateException("Stored advice is not JSON", e);
        }
    }

    /** With the parser at the start of an item: its tiedWith codes. */
    private static List<String> tiedWithOfItem(JsonParser parser) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            if ("tiedWith".equals(field)) {
                List<String> codes = new ArrayList<>();
                while (parser.nextToken() == JsonToken.VALUE_STRING) {
                    codes.add(parser.getText());
                }
                return List.copyOf(codes);
            }
            parser.skipChildren();
        }
        return List.of();
    }

    /** Rows from before the Dutch texts hold the English text alone, which is what was shown. */
    private static Rationale asShown(String text, String english) {
        return new Rationale(text, english == null ? text : english);
    }
}
