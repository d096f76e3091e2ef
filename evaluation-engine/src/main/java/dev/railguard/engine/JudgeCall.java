package dev.railguard.engine;

import dev.langchain4j.model.chat.request.json.JsonSchema;
import java.util.Objects;

/**
 * One question to one judge: the rendered prompts, the schema the reply must match, and the version of the template
 * that produced the prompts (part of the cache key).
 *
 * @param judge           who is asked
 * @param systemPrompt    the instructions, including the nonce preface
 * @param userPrompt      the fenced material
 * @param schema          the JSON schema of the reply
 * @param templateVersion the version of the prompt template and metric prompt parts
 */
record JudgeCall(Judge judge, String systemPrompt, String userPrompt, JsonSchema schema, String templateVersion) {
    JudgeCall {
        Objects.requireNonNull(judge, "judge");
        Objects.requireNonNull(systemPrompt, "systemPrompt");
        Objects.requireNonNull(userPrompt, "userPrompt");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(templateVersion, "templateVersion");
    }

    /** The same question put to another judge. */
    JudgeCall to(Judge other) {
        return new JudgeCall(other, systemPrompt, userPrompt, schema, templateVersion);
    }
}
