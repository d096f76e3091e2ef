package dev.railguard.engine.batchapi.internal;

import dev.railguard.engine.EvaluationFailures;
import dev.railguard.engine.Redaction;
import dev.railguard.engine.batchapi.BatchApi;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Creates one batch at the provider: a 429, 408 or 5xx is asked again after the provider's {@code Retry-After}
 * (bounded by the engine's {@code maxRetryAfter}, as on the synchronous path) or the poll back-off, up to a number of
 * attempts. A create whose reply was lost (a timeout, a connection reset, a 408 or 5xx) may have made the batch:
 * before asking again, the batch that the create's tag names is looked for ({@link BatchService#adopt}: OpenAI keeps
 * the tag in the batch's metadata; Anthropic and Gemini keep none, so there a second batch can be made). Also says
 * how long to wait after any failed call of the provider, for the polls.
 */
final class BatchCreator {

    private static final int MAX_SUBMIT_ATTEMPTS = 6;

    /** A batch that could not be created, and whether asking again later could help. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean retriable;

        Refused(String reason, boolean retriable) {
            super(reason);
            this.retriable = retriable;
        }

        boolean retriable() {
            return retriable;
        }
    }

    private final BatchApi api;
    private final BatchService service;
    private final Duration maxRetryAfter;

    BatchCreator(BatchApi api, BatchService service, Duration maxRetryAfter) {
        this.api = api;
        this.service = service;
        this.maxRetryAfter = maxRetryAfter;
    }

    /**
     * Creates the batch of {@code lines} to {@code model} for round {@code round}.
     *
     * @return the provider's batch id
     * @throws Refused when the provider refused it for good or every attempt failed
     */
    String create(int round, String model, List<String> lines) throws Refused {
        Map<String, String> tag = new LinkedHashMap<>();
        if (api.runKey() != null && !api.runKey().isBlank()) {
            tag.put("railguard_run", api.runKey());
        }
        tag.put("railguard_round", Integer.toString(round));
        tag.put("railguard_create", UUID.randomUUID().toString());
        Duration delay = api.initialPoll();
        IOException lost = null;
        for (int attempt = 1; ; attempt++) {
            try {
                if (lost != null) {
                    Optional<String> made = service.adopt(tag);
                    if (made.isPresent()) {
                        api.progress().accept(Redaction.redact("railguard batch-api: " + service.name() + " made batch "
                                + made.get() + " of round " + round + " although the create's reply was lost ("
                                + EvaluationFailures.describe(lost) + "); using it instead of creating another"));
                        return made.get();
                    }
                }
                return service.submit(model, lines, tag);
            } catch (IOException e) {
                if (!(e instanceof BatchHttpException h) || h.status() == 408 || h.status() >= 500) {
                    // the provider may have made the batch before the reply was lost: look for it before a retry
                    lost = lost == null ? e : lost;
                }
                boolean retriable = !(e instanceof BatchHttpException h) || h.retriable();
                if (!retriable || attempt >= MAX_SUBMIT_ATTEMPTS) {
                    throw new Refused("could not submit a batch of " + lines.size() + " requests to "
                            + service.name() + " (round " + round + ", attempt " + attempt + "): "
                            + EvaluationFailures.describe(e), retriable);
                }
                Duration wait = waitAfter(e, delay);
                api.progress().accept("railguard batch-api: " + service.name() + " refused the batch for now ("
                        + EvaluationFailures.describe(e) + "); trying again in " + wait.toMillis() + " ms" + asked(e));
                sleep(wait);
                delay = min(delay.multipliedBy(2), api.maxPoll());
            }
        }
    }

    /**
     * How long to wait before asking again after {@code e}: the delay the provider asked for ({@code Retry-After}),
     * bounded by the engine's {@code maxRetryAfter} as on the synchronous path, else {@code backoff}.
     */
    Duration waitAfter(Exception e, Duration backoff) {
        return e instanceof BatchHttpException h && h.retryAfter() != null ? min(h.retryAfter(), maxRetryAfter)
                : backoff;
    }

    /** Says that the wait after {@code e} is the provider's, and when it was cut to the maximum; else nothing. */
    String asked(Exception e) {
        if (!(e instanceof BatchHttpException h) || h.retryAfter() == null) {
            return "";
        }
        return ", as " + service.name() + " asked (Retry-After" + (h.retryAfter().compareTo(maxRetryAfter) <= 0 ? ")"
                : " " + h.retryAfter().toMillis() + " ms, at most the maximum of " + maxRetryAfter.toMillis()
                        + " ms)");
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
