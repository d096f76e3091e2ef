/**
 * Railguard in test suites: AssertJ-style assertions over evaluation results
 * ({@link dev.railguard.junit.RailguardAssertions}, one static import for Railguard's and AssertJ's assertions),
 * a JUnit 5 extension that injects one shared {@link dev.railguard.api.Evaluator} per test run
 * ({@link dev.railguard.junit.RailguardExtension}, {@link dev.railguard.junit.RailguardTest}), its judges configured
 * by {@link dev.railguard.config.JudgeEnvironment} (module {@code judge-config}).
 */
package dev.railguard.junit;
