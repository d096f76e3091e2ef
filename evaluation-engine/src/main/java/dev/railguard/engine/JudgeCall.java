package dev.railguard.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One question to one judge: the rendered prompts, the schema the reply must match, and the version of the template
 * that produced the prompts (part of the cache key).
 *
 * @param judge           who is asked
 * @param systemPrompt    the instructions, including the nonce preface
 * @param userPrompt      the fenced material
 * @param schema          the JSON schema of the reply
 * @param templateVersion the version of the prompt template and metric prompt parts
 * @param tools           the search tools the judge may call, {@link ToolBox#NONE} for none
 * @param replyCheck      a check of the parsed reply beyond the schema (a score's range): a problem makes the reply
 *                        bad, so it gets the one repair call like a schema violation
 */
record JudgeCall(Judge judge, String systemPrompt, String userPrompt, JsonSchema schema, String templateVersion,
        ToolBox tools, Function<JsonNode, Optional<String>> replyCheck) {

    /** No check beyond the schema. */
    static final Function<JsonNode, Optional<String>> NO_CHECK = reply -> Optional.empty();

    JudgeCall {
        Objects.requireNonNull(judge, "judge");
        Objects.requireNonNull(systemPrompt, "systemPrompt");
        Objects.requireNonNull(userPrompt, "userPrompt");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(templateVersion, "templateVersion");
        tools = tools == null ? ToolBox.NONE : tools;
        replyCheck = replyCheck == null ? NO_CHECK : replyCheck;
    }

    /** A call with tools and no reply check. */
    JudgeCall(Judge judge, String systemPrompt, String userPrompt, JsonSchema schema, String templateVersion,
            ToolBox tools) {
        this(judge, systemPrompt, userPrompt, schema, templateVersion, tools, NO_CHECK);
    }

    /** A call without tools. */
    JudgeCall(Judge judge, String systemPrompt, String userPrompt, JsonSchema schema, String templateVersion) {
        this(judge, systemPrompt, userPrompt, schema, templateVersion, ToolBox.NONE, NO_CHECK);
    }

    /** The same question put to another judge. */
    JudgeCall to(Judge other) {
        return new JudgeCall(other, systemPrompt, userPrompt, schema, templateVersion, tools.fresh(), replyCheck);
    }

    /** The same question with these tools. */
    JudgeCall withTools(ToolBox box) {
        return new JudgeCall(judge, systemPrompt, userPrompt, schema, templateVersion, box, replyCheck);
    }

    /** The same question without tools (the last round trip of a tool loop). */
    JudgeCall withoutTools() {
        return withTools(ToolBox.NONE);
    }
}
