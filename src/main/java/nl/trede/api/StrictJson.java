package nl.trede.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBase;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.SettableBeanProperty;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Strict JSON: a misspelt field would otherwise be silently dropped and scored as "missing", and
 * "42" or 42.7 for an integer would be silently coerced; text with a NUL character is refused
 * (PostgreSQL cannot store it, and no client reference or note needs it), and so is text that is
 * not valid Unicode: a JSON escape can give a lone half of a surrogate pair ({@code "\ud800"}),
 * which UTF-8 cannot encode, so two different references would be stored as one. Each request body of
 * Trede's own types is checked field by field, so that one 400 lists every unknown and every
 * ill-typed field, beside the Bean Validation violations of the fields that could be read
 * ({@link ProblemMappers#invalidFields}).
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        mapper.coercionConfigDefaults().setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("trede-strict")
                .addDeserializer(String.class, new StrictStrings())
                .setDeserializerModifier(new EveryFieldChecked()));
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }

    /** A value refused for a reason Jackson has no exception of its own for, with its code. */
    public static final class RefusedValue extends MismatchedInputException {

        private final ProblemCode code;

        public RefusedValue(JsonParser parser, ProblemCode code, String reason) {
            super(parser, reason);
            this.code = code;
        }

        public ProblemCode code() {
            return code;
        }
    }

    /**
     * Some fields of a request body could not be read; {@code partial} holds the fields that could
     * (or null), so that their Bean Validation violations can be listed too.
     */
    public static final class InvalidFields extends JsonMappingException {

        private final transient List<Problem.InvalidParam> invalidParams;
        private final transient Object partial;

        InvalidFields(JsonParser parser, List<Problem.InvalidParam> invalidParams, Object partial) {
            super(parser, invalidParams.size() + " invalid field(s)");
            this.invalidParams = List.copyOf(invalidParams);
            this.partial = partial;
        }

        public List<Problem.InvalidParam> invalidParams() {
            return invalidParams;
        }

        public Object partial() {
            return partial;
        }
    }

    /** Reads text as usual, and refuses it when it holds a NUL character or an unpaired surrogate. */
    static final class StrictStrings extends StdScalarDeserializer<String> {

        StrictStrings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null && value.indexOf('\u0000') >= 0) {
                throw new RefusedValue(parser, ProblemCode.NUL_CHARACTER, "text must not contain the NUL character");
            }
            if (value != null && !isValidUnicode(value)) {
                throw new RefusedValue(parser, ProblemCode.INVALID_UNICODE, "text must be valid Unicode");
            }
            return value;
        }

        /** True when every surrogate is half of a high-low pair, i.e. the text can be encoded as UTF-8. */
        static boolean isValidUnicode(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Puts {@link FieldByField} in front of the deserializer of every Trede type. */
    static final class EveryFieldChecked extends BeanDeserializerModifier {

        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                      JsonDeserializer<?> deserializer) {
            boolean ours = description.getBeanClass().getName().startsWith("nl.trede.");
            return ours && deserializer instanceof BeanDeserializerBase ? new FieldByField(deserializer) : deserializer;
        }
    }

    /**
     * Reads an object's fields one at a time and collects every unknown or unreadable one, instead
     * of stopping at the first as Jackson does; the object is then built from the readable fields.
     */
    static final class FieldByField extends DelegatingDeserializer {

        FieldByField(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new FieldByField(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.isExpectedStartObjectToken() || !(_delegatee instanceof BeanDeserializerBase bean)) {
                return super.deserialize(parser, context);
            }
            ObjectNode body = (ObjectNode) context.readTree(parser);
            List<Problem.InvalidParam> invalid = new ArrayList<>();
            List<String> names = new ArrayList<>();
            body.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                SettableBeanProperty property = bean.findProperty(name);
                if (property == null) {
                    invalid.add(new Problem.InvalidParam(name, ProblemCode.UNKNOWN_FIELD, "unknown field"));
                    body.remove(name);
                    continue;
                }
                try (JsonParser value = body.get(name).traverse(parser.getCodec())) {
                    value.nextToken();
                    property.deserialize(value, context);
                } catch (InvalidFields nested) {
                    nested.invalidParams().forEach(p -> invalid.add(new Problem.InvalidParam(name + "." + p.name(), p.code(), p.reason())));
                    body.remove(name);
                } catch (MismatchedInputException e) {
                    invalid.add(ProblemMappers.invalidParam(name, e));
                    body.remove(name);
                }
            }
            Object partial = null;
            try (JsonParser readable = body.traverse(parser.getCodec())) {
                readable.nextToken();
                partial = _delegatee.deserialize(readable, context);
            } catch (MismatchedInputException e) {
                if (invalid.isEmpty()) {
                    throw e;
                }
            }
            if (invalid.isEmpty()) {
                return partial;
            }
            throw new InvalidFields(parser, invalid, partial);
        }
    }
}
