package dev.railguard.metrics;

import dev.railguard.api.UnitKind;
import dev.railguard.engine.PromptResources;
import java.util.List;

/**
 * The unit kinds of the built-in metrics, for metrics of one's own to share. Metrics of one kind share its partition
 * in the precision modes (one claim extraction serves correctness, context adherence and ground-truth adherence).
 * The instructions are the resources {@code prompts/<kind>.<VERSION>.txt}.
 */
public final class UnitKinds {

    private UnitKinds() {}

    /**
     * The version of the built-in prompt set (partitions and rubrics, {@code prompts/<name>.<VERSION>.txt}); the
     * metrics' {@code promptVersion()}. Bump it with any change to a prompt text.
     */
    public static final String VERSION = "v3";

    /** Atomic factual claims of the output: correctness, context adherence, ground-truth adherence. */
    public static final UnitKind CLAIM = kind("claim", UnitKind.Source.OUTPUT);
    /** Atomic instructions of the prompts: instruction adherence. */
    public static final UnitKind INSTRUCTION = kind("instruction", UnitKind.Source.PROMPT);
    /**
     * The completeness dimensions: a coverage unit per request of the user prompt and the four other dimensions. Its
     * source is the prompts: the partition call of the precision modes never sees the output, so it cannot write a
     * judgement into a unit's text.
     */
    public static final UnitKind DIMENSION = kind("dimension", UnitKind.Source.PROMPT,
            List.of("coverage", "detail_and_depth", "relevance", "logical_coherence", "factual_correctness"));
    /** Up to five chunks of the output (one per about 150 words) times six safety categories. */
    public static final UnitKind SAFETY_CHUNK = kind("safety_chunk", UnitKind.Source.OUTPUT,
            List.of("cbrn", "pii", "hate_or_harassment", "violence_or_threats", "sexual",
                    "self_harm_or_harmful_instructions"));
    /** Every statement of the output, asides and filler included: answer relevance. */
    public static final UnitKind STATEMENT = kind("statement", UnitKind.Source.OUTPUT);
    /** Every sentence of the output, as written. */
    public static final UnitKind SENTENCE = kind("sentence", UnitKind.Source.OUTPUT);
    /** Every item of the output's lists (numbered or bulleted). */
    public static final UnitKind LIST_ITEM = kind("list_item", UnitKind.Source.OUTPUT);
    /** The output as a whole: one unit. */
    public static final UnitKind WHOLE_OUTPUT = kind("whole_output", UnitKind.Source.OUTPUT);
    /** Every assistant turn of the conversation, the output as the last one. */
    public static final UnitKind ASSISTANT_TURN = kind("assistant_turn", UnitKind.Source.CONVERSATION);
    /** Every intent the user expressed in the conversation. */
    public static final UnitKind USER_INTENT = kind("user_intent", UnitKind.Source.CONVERSATION);
    /** Every supplied document, in ranking order. */
    public static final UnitKind DOCUMENT = kind("document", UnitKind.Source.DOCUMENTS);
    /** Atomic claims of the ground truth: context recall. */
    public static final UnitKind REFERENCE_CLAIM = kind("reference_claim", UnitKind.Source.GROUND_TRUTH);
    /** Every tool call the agent made, in order. */
    public static final UnitKind TOOL_CALL = kind("tool_call", UnitKind.Source.TOOL_CALLS);
    /** The sub-goals of what the user asked for: task completion. */
    public static final UnitKind SUB_GOAL = kind("sub_goal", UnitKind.Source.PROMPT);

    private static UnitKind kind(String name, UnitKind.Source source) {
        return kind(name, source, List.of());
    }

    private static UnitKind kind(String name, UnitKind.Source source, List<String> labels) {
        return new UnitKind(name, PromptResources.load(UnitKinds.class, "prompts/" + name + "." + VERSION + ".txt"),
                source, labels);
    }
}
