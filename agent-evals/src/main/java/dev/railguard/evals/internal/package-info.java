/**
 * The machinery behind the agent evals, free to change and not for use outside {@code agent-evals}: the bounded,
 * parallel iteration loop ({@link dev.railguard.evals.internal.Iterations}), the judged loop that accuracy and
 * agent-as-judge share ({@link dev.railguard.evals.internal.JudgedIterations} with
 * {@link dev.railguard.evals.internal.JudgeChoice}), the judge prompts
 * ({@link dev.railguard.evals.internal.EvalPrompts}), statistics, settings validation and the eval-run JSON mapper.
 * It depends on the engine's public face only, never on {@code dev.railguard.evals}.
 */
package dev.railguard.evals.internal;
