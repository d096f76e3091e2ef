package dev.railguard.metrics;

import dev.railguard.api.UnitKind;
import dev.railguard.engine.PromptResources;

/** The unit kinds of the built-in metrics. Metrics sharing a kind share its partition in the precision modes. */
final class UnitKinds {

    private UnitKinds() {}

    /** Atomic factual claims of the output: correctness, context adherence, ground-truth adherence. */
    static final UnitKind CLAIM = new UnitKind("claim", prompt("claim.v1.txt"), UnitKind.Source.OUTPUT);
    /** Atomic instructions of the prompts: instruction adherence. */
    static final UnitKind INSTRUCTION = new UnitKind("instruction", prompt("instruction.v1.txt"), UnitKind.Source.PROMPT);
    /** The five completeness dimensions. */
    static final UnitKind DIMENSION = new UnitKind("dimension", prompt("dimension.v1.txt"), UnitKind.Source.ASPECTS);
    /** Up to five chunks of the output times six safety categories. */
    static final UnitKind SAFETY_CHUNK = new UnitKind("safety_chunk", prompt("safety_chunk.v1.txt"), UnitKind.Source.OUTPUT);

    static String prompt(String file) {
        return PromptResources.load(UnitKinds.class, "prompts/" + file);
    }
}
