package dev.railguard.metrics;

import dev.railguard.api.UnitKind;
import dev.railguard.engine.PromptResources;
import java.util.List;

/** The unit kinds of the built-in metrics. Metrics sharing a kind share its partition in the precision modes. */
final class UnitKinds {

    private UnitKinds() {}

    /** Atomic factual claims of the output: correctness, context adherence, ground-truth adherence. */
    static final UnitKind CLAIM = new UnitKind("claim", prompt("claim"), UnitKind.Source.OUTPUT);
    /** Atomic instructions of the prompts: instruction adherence. */
    static final UnitKind INSTRUCTION = new UnitKind("instruction", prompt("instruction"), UnitKind.Source.PROMPT);
    /**
     * The completeness dimensions: a coverage unit per request of the user prompt and the four other dimensions. Its
     * source is the prompts: the partition call of the precision modes never sees the output, so it cannot write a
     * judgement into a unit's text.
     */
    static final UnitKind DIMENSION = new UnitKind("dimension", prompt("dimension"), UnitKind.Source.PROMPT,
            List.of("coverage", "detail_and_depth", "relevance", "logical_coherence", "factual_correctness"));
    /** Up to five chunks of the output (one per about 150 words) times six safety categories. */
    static final UnitKind SAFETY_CHUNK = new UnitKind("safety_chunk", prompt("safety_chunk"), UnitKind.Source.OUTPUT,
            List.of("cbrn", "pii", "hate_or_harassment", "violence_or_threats", "sexual",
                    "self_harm_or_harmful_instructions"));

    /**
     * The version of the built-in prompt set (partitions and rubrics, {@code prompts/<name>.<VERSION>.txt}); the
     * metrics' {@code promptVersion()}. Bump it with any change to a prompt text.
     */
    static final String VERSION = "v3";

    /** The text of prompt {@code name} of the current set. */
    static String prompt(String name) {
        return PromptResources.load(UnitKinds.class, "prompts/" + name + "." + VERSION + ".txt");
    }

    /** Whether the current set has a prompt {@code name}. */
    static boolean hasPrompt(String name) {
        return UnitKinds.class.getResource("prompts/" + name + "." + VERSION + ".txt") != null;
    }
}
