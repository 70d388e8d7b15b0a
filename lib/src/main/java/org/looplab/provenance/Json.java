package org.looplab.provenance;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The one {@link ObjectMapper} of LoopLab. It is strict on purpose: an unknown key, a missing creator property
 * or a null for a primitive is an error that names the field, never a silent default of 0.
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .addModule(new SimpleModule("looplab-older-forms").setDeserializerModifier(new OlderFormsModifier()))
            .build();

    private Json() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Pretty JSON text of a value (records, maps, lists). */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** Reads {@code type} from text; the error names {@code source} (a file name or "stdin"). */
    public static <T> T read(String text, Class<T> type, String source) {
        try {
            return MAPPER.readValue(text, type);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalArgumentException(source + ": " + whyNot(type, e), e);
        }
    }

    /**
     * Reads a hand-written file whose records treat a left-out field as "use the default" (their constructors
     * check what is required). Unknown keys are still errors.
     */
    public static <T> T readOptionalFields(Path file, Class<T> type) {
        try {
            return MAPPER.readerFor(type)
                    .without(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                    .readValue(file.toFile());
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalArgumentException(file + ": " + whyNot(type, e), e);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read", e);
        }
    }

    /** Reads {@code type} from a file; the error names the file. */
    public static <T> T read(Path file, Class<T> type) {
        try {
            return MAPPER.readValue(file.toFile(), type);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalArgumentException(file + ": " + whyNot(type, e), e);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read", e);
        }
    }

    /**
     * What is wrong, without quoting the file: a parse error's own message echoes the text it stopped at, and a file
     * reached through a link may be anything (a key, a password file), so only its position is said.
     */
    private static String whyNot(Class<?> type, com.fasterxml.jackson.core.JacksonException e) {
        if (e instanceof com.fasterxml.jackson.core.exc.StreamReadException) {
            var at = e.getLocation();
            return "not JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
                    + ", so not a " + type.getSimpleName();
        }
        String why = e.getOriginalMessage();
        int problem = why.indexOf(", problem: "); // a constructor's own check: its message is the whole story
        if (problem >= 0) why = why.substring(problem + ", problem: ".length());
        // A user reads field names and values, not Java's: `org.looplab.Profile` becomes Profile.
        why = QUALIFIED.matcher(why).replaceAll("$1").replace("`", "");
        return "not a valid " + type.getSimpleName() + ": " + why;
    }

    private static final java.util.regex.Pattern QUALIFIED =
            java.util.regex.Pattern.compile("\\b(?:[a-z_][\\w]*\\.)+([A-Z][\\w$]*)");

    /** Wraps the deserializer of every {@link OlderForms} type so its upgrade runs on the stored tree first. */
    private static final class OlderFormsModifier extends BeanDeserializerModifier {
        @Override
        public JsonDeserializer<?> modifyDeserializer(
                DeserializationConfig config, BeanDescription description, JsonDeserializer<?> deserializer) {
            OlderForms forms = description.getBeanClass().getAnnotation(OlderForms.class);
            if (forms == null) return deserializer;
            try {
                return new Upgrading(
                        deserializer, forms.value().getDeclaredConstructor().newInstance());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(forms.value().getName() + " needs a public no-argument constructor", e);
            }
        }
    }

    private static final class Upgrading extends DelegatingDeserializer {
        private final OlderForms.Upgrade upgrade;

        Upgrading(JsonDeserializer<?> inner, OlderForms.Upgrade upgrade) {
            super(inner);
            this.upgrade = upgrade;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> inner) {
            return new Upgrading(inner, upgrade);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode tree = ctxt.readTree(p);
            try {
                if (tree instanceof ObjectNode stored) tree = upgrade.apply(stored);
            } catch (IllegalArgumentException e) {
                // As a mapping error, so the reader's message names the file like any other bad field.
                throw com.fasterxml.jackson.databind.JsonMappingException.from(p, e.getMessage(), e);
            }
            try (JsonParser current = tree.traverse(p.getCodec())) {
                current.nextToken();
                return _delegatee.deserialize(current, ctxt);
            }
        }
    }
}
