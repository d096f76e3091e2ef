/**
 * The tools judges may call during one call: web search over a LangChain4j WebSearchEngine and file search over the
 * evaluator's DocumentStore (JudgeTools), bundled with their budget of round trips (ToolBox). Search never calls a
 * judge: judge traffic runs the round trips (ToolLoop) and asks ToolBox only for specifications and executions.
 */
package dev.railguard.engine.internal.search;
