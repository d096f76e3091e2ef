/**
 * Test doubles for judges, for Railguard's own tests and for users' tests: a {@link dev.railguard.testkit.ScriptedChatModel}
 * that answers from a script in-process, and a {@link dev.railguard.testkit.StubOpenAiServer}, an OpenAI-compatible
 * HTTP server on 127.0.0.1 that lets the real {@code langchain4j-open-ai} client, JSON-schema requests, retries and
 * timeouts be exercised end to end without a real model. {@link dev.railguard.testkit.JudgeReplies} writes the replies
 * Railguard's judge prompts expect.
 */
package dev.railguard.testkit;
