package nl.trede.core.profile;

import java.math.BigDecimal;

/** The inclusive bounds of a numeric intake field, in the field's own type (Integer or Double). */
public record Range(Number min, Number max) {

    public boolean contains(Number value) {
        return value.doubleValue() >= min.doubleValue() && value.doubleValue() <= max.doubleValue();
    }

    /** "between 18 and 67", "between 0 and 20": bounds as people write them, without a trailing ".0". */
    @Override
    public String toString() {
        return "between " + plain(min) + " and " + plain(max);
    }

    private static String plain(Number bound) {
        return new BigDecimal(bound.toString()).stripTrailingZeros().toPlainString();
    }
}
