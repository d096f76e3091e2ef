/**
 * Internals of the {@code railguard} command: judge options, request overrides, failures with exit codes, terminal
 * styling. Free to change.
 */
package dev.railguard.cli.internal;
