/**
 * Railguard in test suites: AssertJ-style assertions over evaluation results
 * ({@link dev.railguard.junit.RailguardAssertions}, one static import for Railguard's and AssertJ's assertions),
 * a JUnit 5 extension that injects one shared {@link dev.railguard.api.Evaluator} per test run
 * ({@link dev.railguard.junit.RailguardExtension}, {@link dev.railguard.junit.RailguardTest}), and the judge
 * configuration from environment variables or system properties ({@link dev.railguard.junit.JudgeEnvironment}).
 */
package dev.railguard.junit;
