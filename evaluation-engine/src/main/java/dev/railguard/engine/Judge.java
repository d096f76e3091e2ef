package dev.railguard.engine;

import dev.langchain4j.model.chat.ChatModel;
import java.util.Objects;

/**
 * A judge: a LangChain4j {@link ChatModel} with a name. The name appears in unit verdicts, usage and cache keys;
 * the model name (read from the model's default request parameters when it has one) is what is compared with a
 * request's {@code modelUsed} so a model never judges its own output.
 *
 * @param name      the judge's name, unique in its panel, never blank
 * @param model     the chat model
 * @param modelName the underlying model's name, for self-judging exclusion and cache keys
 */
public record Judge(String name, ChatModel model, String modelName) {

    /** Validates. */
    public Judge {
        Objects.requireNonNull(name, "judge name must not be null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("judge name must not be blank, but was: '" + name + "'");
        }
        Objects.requireNonNull(model, () -> "model of judge '" + name + "' must not be null");
        modelName = modelName == null || modelName.isBlank() ? name : modelName;
    }

    /** A judge named {@code name}; its model name is read from the model's default parameters, else the name. */
    public static Judge of(String name, ChatModel model) {
        Objects.requireNonNull(model, () -> "model of judge '" + name + "' must not be null");
        String modelName = null;
        try {
            if (model.defaultRequestParameters() != null) {
                modelName = model.defaultRequestParameters().modelName();
            }
        } catch (RuntimeException ignored) {
            // A model that cannot report its parameters is identified by the judge name.
        }
        return new Judge(name, model, modelName);
    }

    @Override
    public String toString() {
        return name.equals(modelName) ? name : name + " (" + modelName + ")";
    }
}
