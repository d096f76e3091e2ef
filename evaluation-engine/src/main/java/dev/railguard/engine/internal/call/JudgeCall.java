package dev.railguard.engine.internal.call;

import dev.railguard.engine.Judge;
import dev.railguard.engine.internal.search.ToolBox;

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
public record JudgeCall(Judge judge, String systemPrompt, String userPrompt, JsonSchema schema, String templateVersion,
        ToolBox tools, Function<JsonNode, Optional<String>> replyCheck) {

    /** No check beyond the schema. */
    public static final Function<JsonNode, Optional<String>> NO_CHECK = reply -> Optional.empty();

    public JudgeCall {
        Objects.requireNonNull(judge, "judge");
        Objects.requireNonNull(systemPrompt, "systemPrompt");
        Objects.requireNonNull(userPrompt, "userPrompt");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(templateVersion, "templateVersion");
        tools = tools == null ? ToolBox.NONE : tools;
        replyCheck = replyCheck == null ? NO_CHECK : replyCheck;
    }

    /** A call with tools and no reply check. */
    public JudgeCall(Judge judge, String systemPrompt, String userPrompt, JsonSchema schema, String templateVersion,
            ToolBox tools) {
        this(judge, systemPrompt, userPrompt, schema, templateVersion, tools, NO_CHECK);
    }

    /** A call without tools. */
    public JudgeCall(Judge judge, String systemPrompt, String userPrompt, JsonSchema schema, String templateVersion) {
        this(judge, systemPrompt, userPrompt, schema, templateVersion, ToolBox.NONE, NO_CHECK);
    }

    /** The same question put to another judge. */
    public JudgeCall to(Judge other) {
        return new JudgeCall(other, systemPrompt, userPrompt, schema, templateVersion, tools.fresh(), replyCheck);
    }

    /** The same question with these tools. */
    public JudgeCall withTools(ToolBox box) {
        return new JudgeCall(judge, systemPrompt, userPrompt, schema, templateVersion, box, replyCheck);
    }

    /** The same question without tools (the last round trip of a tool loop). */
    public JudgeCall withoutTools() {
        return withTools(ToolBox.NONE);
    }
}
