package dev.railguard.engine.batchapi.internal;

import dev.railguard.engine.Redaction;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * One request of a round and everyone of the run waiting for its reply (identical requests share one line): its
 * outcome is delivered to all of them, billed once, or fails all of them, or goes to the synchronous API.
 */
final class BatchRequest {
    final String key;
    final String model;
    final ObjectNode body;
    final Supplier<CompletableFuture<ChatResponse>> synchronous;
    /** Guarded by the transport's lock until the request's batch ended. */
    final List<CompletableFuture<ChatResponse>> replies = new ArrayList<>();

    BatchRequest(String key, String model, ObjectNode body, Supplier<CompletableFuture<ChatResponse>> synchronous) {
        this.key = key;
        this.model = model;
        this.body = body;
        this.synchronous = synchronous;
    }

    /**
     * Completes every reply with {@code response}; only the first counts its tokens, and none when {@code billed} is
     * false (another request of this run already counted the line): the others get a shared reply.
     */
    void deliver(ChatResponse response, boolean billed) {
        ChatResponse shared = replies.size() > 1 || !billed ? BilledTokenUsage.shared(response) : response;
        for (int i = 0; i < replies.size(); i++) {
            replies.get(i).complete(billed && i == 0 ? response : shared);
        }
    }

    /**
     * Fails the request with {@code reason} (redacted), or, when sending again could help and {@code fallback}
     * allows it, sends it through the synchronous API (under the judge's limits) instead.
     */
    void fail(String reason, boolean retriable, boolean fallback) {
        if (retriable && fallback) {
            CompletableFuture<ChatResponse> sent;
            try {
                sent = synchronous.get();
            } catch (RuntimeException e) {
                sent = CompletableFuture.failedFuture(e);
            }
            sent.whenComplete((response, error) -> {
                if (error != null) {
                    replies.forEach(f -> f.completeExceptionally(error));
                } else {
                    deliver(response, true);
                }
            });
            return;
        }
        String shown = Redaction.redact(reason);
        RuntimeException error = retriable ? new RetriableException(shown) : new NonRetriableException(shown);
        replies.forEach(f -> f.completeExceptionally(error));
    }
}
