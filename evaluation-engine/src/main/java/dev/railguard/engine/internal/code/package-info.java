/**
 * Code checks for the codex run modes: CodeChecks finds code blocks in an output, compiles Java in process
 * (javax.tools) and parses JSON, YAML and XML, and reports what it found to the judges as evidence and into the
 * diagnostics.
 */
package dev.railguard.engine.internal.code;
