package dev.railguard.event;

import dev.railguard.monitor.Monitor;
import dev.railguard.workflow.Workflow;

import dev.railguard.api.ModelInput;
import dev.railguard.api.RunMode;
import java.util.Objects;

/**
 * One production event submitted to a {@link Workflow} or a {@link Monitor}: what the model was asked, what it
 * answered, which model answered, how thoroughly to evaluate it and an optional tag (DeepRails'
 * {@code model_input}, {@code model_output}, {@code model_used}, {@code run_mode}, {@code nametag}).
 *
 * @param modelInput  the prompt (system and/or user), ground truth, context, documents
 * @param modelOutput the output to evaluate
 * @param modelUsed   the model that produced the output (never judges it when another judge exists); may be null
 * @param runMode     how thoroughly to evaluate; null means {@link RunMode#FAST}
 * @param nametag     an optional user-defined tag (for example {@code "staging"}); may be null
 */
public record EventInput(ModelInput modelInput, String modelOutput, String modelUsed, RunMode runMode, String nametag) {

    /** Validates; a null run mode becomes {@code fast}. */
    public EventInput {
        Objects.requireNonNull(modelInput, "modelInput must not be null");
        Objects.requireNonNull(modelOutput, "modelOutput must not be null");
        runMode = runMode == null ? RunMode.FAST : runMode;
    }

    /** An event in run mode {@code fast}, without model name or tag. */
    public static EventInput of(ModelInput modelInput, String modelOutput) {
        return new EventInput(modelInput, modelOutput, null, RunMode.FAST, null);
    }

    /** This event with {@code modelUsed}. */
    public EventInput withModelUsed(String modelUsed) {
        return new EventInput(modelInput, modelOutput, modelUsed, runMode, nametag);
    }

    /** This event with {@code runMode}. */
    public EventInput withRunMode(RunMode runMode) {
        return new EventInput(modelInput, modelOutput, modelUsed, runMode, nametag);
    }

    /** This event with {@code nametag}. */
    public EventInput withNametag(String nametag) {
        return new EventInput(modelInput, modelOutput, modelUsed, runMode, nametag);
    }
}
