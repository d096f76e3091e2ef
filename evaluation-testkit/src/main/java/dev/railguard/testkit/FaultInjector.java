package dev.railguard.testkit;

import dev.railguard.api.Checks;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A {@link StubOpenAiServer} responder that breaks the first reply to a share of questions and answers every later
 * request for the same question properly, so a client that retries and repairs ends with the good reply. A question
 * is identified by its first user message (a retry and a repair call repeat it). Which questions get which fault is
 * decided by a hash of the question and the seed, so a run is repeatable.
 *
 * <pre>{@code
 * FaultInjector faults = FaultInjector.around(goodResponder)
 *     .rateLimited(0.20, Duration.ofSeconds(1))
 *     .serverErrors(0.10)
 *     .slow(0.05, Duration.ofSeconds(2))
 *     .malformed(0.10)
 *     .truncated(0.05);
 * StubOpenAiServer server = StubOpenAiServer.start(faults);
 * }</pre>
 *
 * <p>{@link #onEveryRequest()} draws a fault for every request instead, retries and repair calls included.
 */
public final class FaultInjector implements Function<RecordedRequest, StubReply> {

    /** The kinds of fault. */
    public enum Fault {
        /** 429 with a {@code Retry-After} header. */
        RATE_LIMITED,
        /** 500. */
        SERVER_ERROR,
        /** The good reply, sent after a delay (meant to exceed the client's timeout). */
        SLOW,
        /** A 200 whose message content is not JSON. */
        MALFORMED,
        /** A 200 cut short: half the good content, finish reason {@code length}. */
        TRUNCATED
    }

    private final Function<RecordedRequest, StubReply> good;
    private final Map<Fault, Double> shares = new EnumMap<>(Fault.class);
    private final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
    private final Map<Fault, AtomicLong> injected = new ConcurrentHashMap<>();
    private volatile Duration retryAfter = Duration.ofSeconds(1);
    private volatile Duration slowDelay = Duration.ofSeconds(2);
    private volatile long seed = 42;
    private volatile boolean everyRequest;

    private FaultInjector(Function<RecordedRequest, StubReply> good) {
        this.good = Objects.requireNonNull(good, "good must not be null");
    }

    /** Faults around {@code good}, which answers properly. No faults until shares are set. */
    public static FaultInjector around(Function<RecordedRequest, StubReply> good) {
        return new FaultInjector(good);
    }

    /** {@code share} of questions first get a 429 with {@code Retry-After} (whole seconds, rounded up). */
    public FaultInjector rateLimited(double share, Duration retryAfter) {
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter must not be null");
        return share(Fault.RATE_LIMITED, share);
    }

    /** {@code share} of questions first get a 500. */
    public FaultInjector serverErrors(double share) {
        return share(Fault.SERVER_ERROR, share);
    }

    /** {@code share} of questions first get the good reply after {@code delay}. */
    public FaultInjector slow(double share, Duration delay) {
        this.slowDelay = Objects.requireNonNull(delay, "delay must not be null");
        return share(Fault.SLOW, share);
    }

    /** {@code share} of questions first get content that is not JSON. */
    public FaultInjector malformed(double share) {
        return share(Fault.MALFORMED, share);
    }

    /** {@code share} of questions first get a reply cut short with finish reason {@code length}. */
    public FaultInjector truncated(double share) {
        return share(Fault.TRUNCATED, share);
    }

    /** The seed of the choice of faulty questions; default 42. */
    public FaultInjector seed(long seed) {
        this.seed = seed;
        return this;
    }

    /**
     * Breaks every request, not only the first one for a question: each request (the first, its retries and its
     * repair call alike) draws its own fault from the shares, decided by a hash of the question, the request's number
     * for that question and the seed, so a run is still repeatable for a fixed order of requests per question.
     */
    public FaultInjector onEveryRequest() {
        this.everyRequest = true;
        return this;
    }

    private FaultInjector share(Fault fault, double share) {
        shares.put(fault, Checks.between(share, 0, 1, "share of " + fault));
        double total = shares.values().stream().mapToDouble(Double::doubleValue).sum();
        if (total > 1 + 1e-9) {
            throw new IllegalArgumentException("fault shares must add up to at most 1, but were: " + shares);
        }
        return this;
    }

    /** The fault the first request for {@code question} gets, or {@code null} for none. */
    public Fault faultFor(String question) {
        return faultFor(question, 0);
    }

    private Fault faultFor(String question, int requestNumber) {
        long h = seed + requestNumber * 0x9E3779B97F4A7C15L;
        for (int i = 0; i < question.length(); i++) {
            h = h * 1_000_003L + question.charAt(i);
        }
        h ^= (h >>> 33);
        h *= 0xff51afd7ed558ccdL;
        h ^= (h >>> 33);
        double u = (h >>> 11) / (double) (1L << 53);
        double acc = 0;
        for (Map.Entry<Fault, Double> e : shares.entrySet()) {
            acc += e.getValue();
            if (u < acc) {
                return e.getKey();
            }
        }
        return null;
    }

    /** How many faults of {@code fault} were sent. */
    public long injected(Fault fault) {
        AtomicLong n = injected.get(fault);
        return n == null ? 0 : n.get();
    }

    @Override
    public StubReply apply(RecordedRequest request) {
        List<String> users = request.messages("user");
        String question = users.isEmpty() ? request.body() : users.get(0);
        int n = seen.computeIfAbsent(question, q -> new AtomicInteger()).getAndIncrement();
        Fault fault = everyRequest ? faultFor(question, n) : n == 0 ? faultFor(question) : null;
        if (fault == null) {
            return good.apply(request);
        }
        injected.computeIfAbsent(fault, f -> new AtomicLong()).incrementAndGet();
        return switch (fault) {
            case RATE_LIMITED -> StubReply.rateLimited(retryAfter);
            case SERVER_ERROR -> StubReply.status(500);
            case SLOW -> good.apply(request).delayed(slowDelay);
            case MALFORMED -> StubReply.content("Sure! Here is my verdict: units = [ {text: ");
            case TRUNCATED -> StubReply.truncated("{\"units\":[{\"text\":\"");
        };
    }
}
