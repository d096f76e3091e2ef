package dev.railguard.metrics;

import dev.railguard.api.UnitKind;
import dev.railguard.engine.PromptResources;

/** The unit kinds of the built-in metrics. Metrics sharing a kind share its partition in the precision modes. */
final class UnitKinds {

    private UnitKinds() {}

    /** Atomic factual claims of the output: correctness, context adherence, ground-truth adherence. */
    static final UnitKind CLAIM = new UnitKind("claim", prompt("claim"), UnitKind.Source.OUTPUT);
    /** Atomic instructions of the prompts: instruction adherence. */
    static final UnitKind INSTRUCTION = new UnitKind("instruction", prompt("instruction"), UnitKind.Source.PROMPT);
    /** The five completeness dimensions. */
    static final UnitKind DIMENSION = new UnitKind("dimension", prompt("dimension"), UnitKind.Source.ASPECTS);
    /** Up to five chunks of the output times six safety categories. */
    static final UnitKind SAFETY_CHUNK = new UnitKind("safety_chunk", prompt("safety_chunk"), UnitKind.Source.OUTPUT);

    /**
     * The version of the built-in prompt set (partitions and rubrics, {@code prompts/<name>.<VERSION>.txt}); the
     * metrics' {@code promptVersion()}. Bump it with any change to a prompt text.
     */
    static final String VERSION = "v2";

    /** The text of prompt {@code name} of the current set. */
    static String prompt(String name) {
        return PromptResources.load(UnitKinds.class, "prompts/" + name + "." + VERSION + ".txt");
    }

    /** Whether the current set has a prompt {@code name}. */
    static boolean hasPrompt(String name) {
        return UnitKinds.class.getResource("prompts/" + name + "." + VERSION + ".txt") != null;
    }
}
