/**
 * Judge configuration for applications, jshell scripts, the CLI and the JUnit extension alike:
 * {@link dev.railguard.config.JudgeEnvironment} reads an OpenAI-compatible endpoint, a key, the models of each tier,
 * prices and a timeout from environment variables or system properties, and builds the
 * {@link dev.railguard.engine.JudgePanel} to give {@code RailguardEvaluator.builder().judges(...)}. Its
 * {@link dev.railguard.config.JudgeEnvironment#HOW_TO_CONFIGURE} is the message every "no judge" path quotes.
 */
package dev.railguard.config;
