package dev.railguard.engine.internal.judge;

import dev.railguard.engine.EvaluationFailures;
import dev.railguard.engine.EvaluationObserver;
import dev.railguard.engine.internal.call.CallFailedException;

import dev.railguard.engine.Judge;
import dev.railguard.engine.internal.cache.JudgeCache;
import dev.railguard.engine.internal.call.Failures;
import dev.railguard.engine.internal.call.JsonReplies;
import dev.railguard.engine.internal.call.JudgeCall;
import dev.railguard.engine.internal.call.JudgeOutcome;
import dev.railguard.engine.internal.call.JudgeSettings;
import dev.railguard.engine.internal.call.Ticket;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Asks judges. Every call requests JSON matching the call's schema, at the configured temperature (0) and token cap.
 * The reply is read tolerantly and validated; a bad reply (malformed, not matching the schema, cut off at the token
 * cap) gets exactly one repair call that quotes the problem; a second bad reply, or a call that fails for good, is a
 * failure that carries the raw replies in its diagnostics. Never completes exceptionally.
 *
 * <p>Each model request ({@link #send}) is one attempt admitted by the engine's {@link Dispatcher} (global and
 * per-judge limits, budgets, call timeout) and retried by {@link #sendAsync} when it fails in a retriable way (429,
 * 5xx, timeouts, connection errors, and replies broken in transport: cut off, empty or not JSON at all) with
 * exponential backoff or the server's {@code Retry-After}, up to a bound.
 * Identical calls are answered by the {@link JudgeCache} when the evaluator has one. A client is bound to the
 * {@link Ticket} of one evaluation, so canceling the evaluation drops its queued attempts and abandons running ones.
 */
public final class JudgeClient {

    private static final Logger LOG = LoggerFactory.getLogger(JudgeClient.class);

    private final JudgeEngine engine;
    private final Ticket ticket;
    /** The engine's call parameters and executor, for code that builds requests or runs work beside the calls. */
    private final JudgeSettings settings;
    private final Executor executor;
    /** What this call did, on the per-call copy made by {@link #call}; {@code null} on an evaluation's client. */
    private final CallTrace trace;

    public JudgeClient(JudgeEngine engine, Ticket ticket) {
        this(engine, ticket, null);
    }

    private JudgeClient(JudgeEngine engine, Ticket ticket, CallTrace trace) {
        this.engine = engine;
        this.ticket = ticket;
        this.trace = trace;
        this.settings = engine.settings;
        this.executor = engine.executor;
    }

    /** The executor judge work runs on. */
    public Executor executor() {
        return executor;
    }

    /** This client's engine bound to another evaluation's ticket. */
    public JudgeClient forTicket(Ticket other) {
        return new JudgeClient(engine, other);
    }

    /** Asks the judge; the outcome is never exceptional (a canceled call is a failure outcome). */
    public CompletableFuture<JudgeOutcome> call(JudgeCall call) {
        Instant startedAt = Instant.now();
        long t0 = System.nanoTime();
        JudgeClient traced = new JudgeClient(engine, ticket, new CallTrace());
        AtomicBoolean asked = new AtomicBoolean(engine.cache == null);
        CompletableFuture<JudgeOutcome> f;
        try {
            f = engine.cache == null ? traced.exchange(call) : engine.cache.get(call, settings, ticket, () -> {
                asked.set(true);
                return traced.exchange(call);
            });
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        String judge = call.judge().name();
        return f.handle((o, e) -> {
            if (e != null && Failures.unwrap(e) instanceof CancellationException) {
                traced.trace.error("canceled");
            }
            JudgeOutcome outcome = e == null ? o : JudgeOutcome.failure(judge, "judge '" + judge + "' call failed: "
                    + EvaluationFailures.describe(e), e instanceof CallFailedException c ? c.usage() : Usage.NONE,
                    List.of());
            traced.trace.report(engine.observer, ticket, call, outcome, !asked.get(), startedAt,
                    System.nanoTime() - t0);
            return outcome;
        });
    }

    /** Asks the judge and waits. */
    public JudgeOutcome callNow(JudgeCall call) {
        return call(call).join();
    }

    /** The call and, if its reply is unusable, one repair call. */
    private CompletableFuture<JudgeOutcome> exchange(JudgeCall call) {
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(SystemMessage.from(call.systemPrompt()));
        messages.add(UserMessage.from(call.userPrompt()));
        return step(call, messages, 1, Usage.NONE, null, null);
    }

    private CompletableFuture<JudgeOutcome> step(JudgeCall call, List<ChatMessage> messages, int attempt,
            Usage usageBefore, String firstProblem, String firstRaw) {
        String judge = call.judge().name();
        return ToolLoop.sendAsync(this, call, List.copyOf(messages)).handle((sent, error) -> {
            if (error != null) {
                Throwable t = Failures.unwrap(error);
                if (t instanceof CallFailedException failed) {
                    engine.counters.failedCalls.increment();
                    if (trace != null) {
                        trace.error(failed.errorType());
                    }
                    return CompletableFuture.completedFuture(JudgeOutcome.failure(judge, failed.getMessage(),
                            usageBefore.plus(failed.usage()), List.of()));
                }
                return CompletableFuture.<JudgeOutcome>failedFuture(t);
            }
            Usage usage = usageBefore.plus(sent.usage());
            ChatResponse response = sent.response();
            String raw = response.aiMessage() == null ? null : response.aiMessage().text();
            String problem;
            if (response.finishReason() == FinishReason.LENGTH) {
                problem = "the reply was cut off at the token cap of " + settings.maxOutputTokens()
                        + " (finish reason LENGTH)";
            } else {
                try {
                    JsonNode node = JsonReplies.read(raw, call.schema().rootElement());
                    Optional<String> checkProblem = call.replyCheck().apply(node);
                    if (checkProblem.isPresent()) {
                        throw new JsonReplies.BadReplyException(checkProblem.get());
                    }
                    List<Diagnostic> diagnostics = new ArrayList<>();
                    if (attempt == 2 && trace != null) {
                        trace.repaired();
                    }
                    if (attempt == 2) {
                        diagnostics.add(Diagnostic.warning("judge '" + judge + "' needed a repair call: "
                                + firstProblem + "; first reply: " + EvaluationFailures.abbreviate(firstRaw)));
                    }
                    return CompletableFuture.completedFuture(JudgeOutcome.success(judge, node, usage, diagnostics));
                } catch (JsonReplies.BadReplyException e) {
                    problem = e.getMessage();
                }
            }
            if (attempt == 1) {
                List<ChatMessage> repair = new ArrayList<>(sent.conversation());
                repair.add(AiMessage.from(raw == null || raw.isEmpty() ? "(empty reply)" : raw));
                repair.add(UserMessage.from("Your reply could not be used: " + problem + ". Reply again with only"
                        + " one JSON object that matches the required schema, complete and concise, and nothing else."));
                return step(call, repair, 2, usage, problem, raw);
            }
            List<Diagnostic> diagnostics = List.of(
                    Diagnostic.error("raw reply of judge '" + judge + "' (first attempt): " + EvaluationFailures.abbreviate(firstRaw)),
                    Diagnostic.error("raw reply of judge '" + judge + "' (repair attempt): " + EvaluationFailures.abbreviate(raw)));
            engine.counters.failedCalls.increment();
            if (trace != null) {
                trace.repaired();
                trace.error("invalid_reply");
            }
            return CompletableFuture.completedFuture(JudgeOutcome.failure(judge, "judge '" + judge
                    + "' gave no usable reply after one repair call: " + problem + " (first problem: " + firstProblem
                    + ")", usage, diagnostics));
        }).thenCompose(f -> f);
    }

    /**
     * One model response, what it cost (retries and tool round trips included), and the conversation that was sent
     * for it (a repair continues that conversation, search results included).
     */
    public record Sent(ChatResponse response, Usage usage, List<ChatMessage> conversation) {}

    /**
     * Sends {@code messages} through the engine: admitted by the dispatcher, retried on retriable failures. Completes
     * with the response, or exceptionally with a {@link CallFailedException} naming the cause (and carrying the usage
     * of the failed attempts), or with a {@link CancellationException} when the evaluation is canceled. A multi-turn
     * exchange (a repair, a tool loop) chains one {@code sendAsync} per model request.
     */
    public CompletableFuture<Sent> sendAsync(JudgeCall call, List<ChatMessage> messages) {
        CompletableFuture<Sent> result = new CompletableFuture<>();
        long chars = 0;
        for (ChatMessage m : messages) {
            chars += m.toString().length();
        }
        long budget = engine.maxPromptTokens;
        if (chars / 4 > budget) {
            // before any call: a prompt this size costs money and fails or gets cut at most judges' context windows
            result.completeExceptionally(new CallFailedException("judge '" + call.judge().name() + "' was not"
                    + " called: the prompt is about " + chars / 4 + " tokens (" + chars + " characters / 4), over the"
                    + " per-call prompt budget of " + budget + " tokens; shorten the output, documents or context, or"
                    + " raise the budget with RailguardEvaluator.Builder.maxPromptTokens", Usage.NONE, null));
            return result;
        }
        attempt(call, messages, chars / 4, 1, engine.ticker.getAsLong(), Usage.NONE, result);
        return result;
    }

    /**
     * Why no further attempt may follow attempt {@code n} begun at {@code since} (the engine's ticker at the first
     * attempt) when the next would start after {@code delay}, or null: the attempt cap is reached, or the next attempt
     * would start after the retry budget is spent. A call through a batch API has no time budget (its batches take
     * hours): only the attempt cap ends its rounds.
     */
    private String noMoreAttempts(int n, long since, Duration delay, boolean viaBatch) {
        if (n >= engine.options.settings().maxCallAttempts()) {
            return n + " attempts";
        }
        if (viaBatch) {
            return null;
        }
        Duration budget = engine.options.settings().retryBudget();
        Duration spent = Duration.ofNanos(engine.ticker.getAsLong() - since);
        if (spent.plus(delay).compareTo(budget) > 0) {
            return n + " attempt" + (n == 1 ? "" : "s") + " in " + spent.toMillis() + " ms (retry budget of "
                    + budget.toMillis() + " ms spent; the next attempt was due in " + delay.toMillis() + " ms)";
        }
        return null;
    }

    private void attempt(JudgeCall call, List<ChatMessage> messages, long tokens, int n, long since, Usage before,
            CompletableFuture<Sent> result) {
        if (ticket.isCanceled()) {
            result.completeExceptionally(new CancellationException("the evaluation was canceled"));
            return;
        }
        String judge = call.judge().name();
        AtomicLong started = new AtomicLong();
        CompletableFuture<ChatResponse> sent;
        boolean viaBatch = engine.batch != null && call.tools().isEmpty();
        if (viaBatch) {
            // through the provider's batch API: no dispatcher slot or call timeout while the batch is answered
            started.set(System.nanoTime());
            if (trace != null) {
                trace.request();
            }
            ChatRequest request = request(call, messages);
            // the synchronous fallback goes through the dispatcher: the judge's concurrency, rate and token limits
            sent = engine.batch.exchange(call.judge().modelName(), request,
                    () -> engine.dispatcher.submit(judge, ticket, tokens, () -> call.judge().model().chat(request)));
        } else {
            sent = engine.dispatcher.submit(judge, ticket, tokens, () -> {
                started.set(System.nanoTime());
                if (trace != null) {
                    trace.request();
                }
                return send(call, messages);
            });
        }
        sent.whenComplete((response, error) -> {
            long t0 = started.get();
            Duration latency = t0 == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - t0);
            if (error == null) {
                if (trace != null) {
                    trace.response(response);
                }
                Usage usage = before.plus(BilledUsage.of(call.judge(), response, latency, engine.options.prices()));
                // a batch line answers the same again: a reply broken in transport goes to the repair round
                String broken = viaBatch ? null : transportProblem(response);
                Duration delay = broken == null ? Duration.ZERO : engine.retryDelay(n, null);
                if (broken == null || noMoreAttempts(n, since, delay, viaBatch) != null) {
                    // the last broken reply goes on to the repair call
                    result.complete(new Sent(response, usage, messages));
                } else {
                    LOG.debug("judge '{}' attempt {} replied broken in transport ({}); retry in {} ms", judge, n,
                            broken, delay.toMillis());
                    retryLater(call, messages, tokens, n, since, usage, result, delay, false,
                            () -> "judge '" + judge + "' reply was broken in transport: " + broken, null);
                }
                return;
            }
            Throwable t = Failures.unwrap(error);
            if (t instanceof CancellationException) {
                result.completeExceptionally(t);
                return;
            }
            Usage usage = t0 == 0 ? before : before.plus(Usage.ofCall(judge, 0, 0, latency, 0.0));
            Failures.Failure f = Failures.classify(t);
            if (!f.retriable()) {
                result.completeExceptionally(new CallFailedException("judge '" + judge + "' call failed: "
                        + f.describe(), usage, t, CallTrace.errorType(f)));
                return;
            }
            Duration delay = engine.retryDelay(n, f.retryAfter());
            String stop = noMoreAttempts(n, since, delay, viaBatch);
            if (stop != null) {
                result.completeExceptionally(new CallFailedException("judge '" + judge + "' call failed after "
                        + stop + ": " + f.describe(), usage, t, CallTrace.errorType(f)));
                return;
            }
            if (f.rateLimited()) {
                LOG.info("judge '{}' was rate limited (429); backing off {} ms before attempt {} of {}", judge,
                        delay.toMillis(), n + 1, engine.options.settings().maxCallAttempts());
            } else {
                LOG.debug("judge '{}' attempt {} failed ({}); retry in {} ms", judge, n, f.describe(),
                        delay.toMillis());
            }
            retryLater(call, messages, tokens, n, since, usage, result, delay, f.rateLimited(), f::describe, t);
        });
    }

    private void retryLater(JudgeCall call, List<ChatMessage> messages, long tokens, int n, long since, Usage usage,
            CompletableFuture<Sent> result, Duration delay, boolean rateLimited,
            java.util.function.Supplier<String> lastFailure, Throwable cause) {
        engine.counters.retries.increment();
        if (trace != null) {
            trace.retry(rateLimited);
        }
        try {
            engine.timer.schedule(() -> attempt(call, messages, tokens, n + 1, since, usage, result),
                    delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closed) {
            result.completeExceptionally(new CallFailedException("judge '" + call.judge().name() + "' call failed:"
                    + " the evaluator was closed before retry " + n + "; last failure: " + lastFailure.get(), usage,
                    cause, "canceled"));
        }
    }

    /**
     * Why a response that arrived is broken in transport rather than wrong in content, or null: cut off (finish
     * reason LENGTH) before the token cap, empty, or holding no parsable JSON object. Such a reply gets a fresh attempt within the retry
     * budget (the same request again, which a transport fault does not repeat); a reply that is JSON but breaks the
     * schema is left to the one repair call. A reply asking for tools is never broken.
     */
    String transportProblem(ChatResponse response) {
        AiMessage ai = response.aiMessage();
        if (ai != null && ai.hasToolExecutionRequests()) {
            return null;
        }
        if (response.finishReason() == FinishReason.LENGTH) {
            TokenUsage tokens = response.tokenUsage();
            Integer out = tokens == null ? null : tokens.outputTokenCount();
            // a reply that really filled the token cap would fill it again: that one goes to the repair call
            return out != null && out < settings.maxOutputTokens() ? "the reply was cut off after " + out
                    + " of " + settings.maxOutputTokens() + " tokens (finish reason LENGTH)" : null;
        }
        try {
            JsonReplies.parse(ai == null ? null : ai.text());
            return null;
        } catch (JsonReplies.BadReplyException e) {
            return e.getMessage();
        }
    }

    /**
     * Sends one request to the judge's model on the current thread: one attempt, no retry. The single place where
     * the engine talks to a model; called by the dispatcher under the engine's limits.
     */
    public ChatResponse send(JudgeCall call, List<ChatMessage> messages) {
        return call.judge().model().chat(request(call, messages));
    }

    /** The request of {@code messages} to the call's judge: JSON of the call's schema, the engine's parameters. */
    private ChatRequest request(JudgeCall call, List<ChatMessage> messages) {
        return ChatRequest.builder()
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
    }
}
