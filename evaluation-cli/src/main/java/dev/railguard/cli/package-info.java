/**
 * The {@code railguard} command line ({@link dev.railguard.cli.RailguardCommand}, on picocli): {@code eval} a file of
 * events with a CI gate, write a {@code report} again, {@code diff} two runs with statistics, run an Agno
 * {@code eval-run}, list the installed {@code metrics}. Exit codes 0 ok, 1 gate failed, 2 usage, 3 judge or
 * configuration error.
 */
package dev.railguard.cli;
