package dev.railguard.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.railguard.api.Diagnostic;
import dev.railguard.api.Usage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Asks judges. Every call requests JSON matching the call's schema, at the configured temperature (0) and token cap.
 * The reply is read tolerantly and validated; a bad reply (malformed, not matching the schema, cut off at the token
 * cap) gets exactly one repair call that quotes the problem; a second bad reply, or a call that throws, is a failure
 * that carries the raw replies in its diagnostics. Never completes exceptionally.
 */
final class JudgeClient {

    private final Executor executor;
    private final JudgeSettings settings;

    JudgeClient(Executor executor, JudgeSettings settings) {
        this.executor = executor;
        this.settings = settings;
    }

    CompletableFuture<JudgeOutcome> call(JudgeCall call) {
        return CompletableFuture.supplyAsync(() -> callNow(call), executor);
    }

    /** Runs the call on the current thread. */
    JudgeOutcome callNow(JudgeCall call) {
        String judge = call.judge().name();
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(SystemMessage.from(call.systemPrompt()));
        messages.add(UserMessage.from(call.userPrompt()));
        Usage usage = Usage.NONE;
        String firstProblem = null;
        String firstRaw = null;
        for (int attempt = 1; attempt <= 2; attempt++) {
            ChatResponse response;
            long start = System.nanoTime();
            try {
                response = ToolLoop.send(this, call, messages);
            } catch (RuntimeException e) {
                usage = usage.plus(Usage.ofCall(judge, 0, 0, Duration.ofNanos(System.nanoTime() - start), 0));
                String cause = describe(e);
                return JudgeOutcome.failure(judge, "judge '" + judge + "' call failed: " + cause, usage, diagnostics);
            }
            usage = usage.plus(usageOf(judge, response, Duration.ofNanos(System.nanoTime() - start)))
                    .plus(call.tools().takeUsage());
            String raw = response.aiMessage() == null ? null : response.aiMessage().text();
            String problem;
            if (response.finishReason() == FinishReason.LENGTH) {
                problem = "the reply was cut off at the token cap of " + settings.maxOutputTokens()
                        + " (finish reason LENGTH)";
            } else {
                try {
                    JsonNode node = JsonReplies.read(raw, call.schema().rootElement());
                    if (attempt == 2) {
                        diagnostics.add(Diagnostic.warning("judge '" + judge + "' needed a repair call: " + firstProblem
                                + "; first reply: " + abbreviate(firstRaw)));
                    }
                    return JudgeOutcome.success(judge, node, usage, diagnostics);
                } catch (JsonReplies.BadReplyException e) {
                    problem = e.getMessage();
                }
            }
            if (attempt == 1) {
                firstProblem = problem;
                firstRaw = raw;
                messages.add(AiMessage.from(raw == null || raw.isEmpty() ? "(empty reply)" : raw));
                messages.add(UserMessage.from("Your reply could not be used: " + problem + ". Reply again with only"
                        + " one JSON object that matches the required schema, complete and concise, and nothing else."));
            } else {
                diagnostics.add(Diagnostic.error("raw reply of judge '" + judge + "' (first attempt): "
                        + abbreviate(firstRaw)));
                diagnostics.add(Diagnostic.error("raw reply of judge '" + judge + "' (repair attempt): "
                        + abbreviate(raw)));
                return JudgeOutcome.failure(judge, "judge '" + judge + "' gave no usable reply after one repair call: "
                        + problem + " (first problem: " + firstProblem + ")", usage, diagnostics);
            }
        }
        throw new AssertionError("unreachable");
    }

    /** Sends one request to the judge's model. The single place where the engine talks to a model. */
    ChatResponse send(JudgeCall call, List<ChatMessage> messages) {
        ChatRequest request = ChatRequest.builder()
                .messages(messages)
                .parameters(ChatRequestParameters.builder()
                        .temperature(settings.temperature())
                        .maxOutputTokens(settings.maxOutputTokens())
                        .responseFormat(ResponseFormat.builder()
                                .type(ResponseFormatType.JSON)
                                .jsonSchema(call.schema())
                                .build())
                        .toolSpecifications(call.tools().isEmpty() ? null : call.tools().specifications())
                        .build())
                .build();
        return call.judge().model().chat(request);
    }

    private static Usage usageOf(String judge, ChatResponse response, Duration latency) {
        TokenUsage tokens = response.tokenUsage();
        long in = tokens == null || tokens.inputTokenCount() == null ? 0 : tokens.inputTokenCount();
        long out = tokens == null || tokens.outputTokenCount() == null ? 0 : tokens.outputTokenCount();
        return Usage.ofCall(judge, in, out, latency, 0.0);
    }

    static String describe(Throwable e) {
        Throwable t = e;
        while ((t instanceof java.util.concurrent.CompletionException
                || t instanceof java.util.concurrent.ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? "" : ": " + abbreviate(t.getMessage());
        return t.getClass().getSimpleName() + message;
    }

    static String abbreviate(String s) {
        if (s == null) {
            return "(no text)";
        }
        return s.length() <= 2000 ? s : s.substring(0, 2000) + "... (" + (s.length() - 2000) + " more characters)";
    }
}
