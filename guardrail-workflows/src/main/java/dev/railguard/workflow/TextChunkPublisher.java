package dev.railguard.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Publishes a text that becomes known later as token-sized chunks (a word with the whitespace before it), honouring
 * each subscriber's demand; or signals the error the text failed with. Every subscriber gets the whole text.
 */
final class TextChunkPublisher implements Flow.Publisher<String> {

    private static final Pattern TOKEN = Pattern.compile("\\s*\\S+|\\s+");

    private final CompletableFuture<String> text;

    TextChunkPublisher(CompletableFuture<String> text) {
        this.text = text;
    }

    /** {@code text} in chunks whose concatenation is exactly {@code text}. */
    static List<String> chunks(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super String> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber must not be null");
        Subscription s = new Subscription(subscriber);
        subscriber.onSubscribe(s);
        text.whenComplete(s::ready);
    }

    private static final class Subscription implements Flow.Subscription {
        private final Flow.Subscriber<? super String> subscriber;
        private final AtomicLong demand = new AtomicLong();
        private final AtomicInteger wip = new AtomicInteger();
        private volatile List<String> chunks;
        private volatile Throwable error;
        private volatile boolean cancelled;
        private boolean done;
        private int index;

        Subscription(Flow.Subscriber<? super String> subscriber) {
            this.subscriber = subscriber;
        }

        void ready(String text, Throwable failure) {
            if (failure != null) {
                error = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            } else {
                chunks = chunks(text);
            }
            drain();
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                error = new IllegalArgumentException("request must be positive (Reactive Streams rule 3.9), but was: " + n);
            } else {
                demand.getAndAccumulate(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
            }
            drain();
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        private void drain() {
            if (wip.getAndIncrement() != 0) {
                return;
            }
            do {
                if (!done && !cancelled) {
                    if (error != null) {
                        done = true;
                        subscriber.onError(error);
                    } else if (chunks != null) {
                        while (!cancelled && index < chunks.size() && demand.get() > 0) {
                            demand.decrementAndGet();
                            subscriber.onNext(chunks.get(index++));
                        }
                        if (!cancelled && index == chunks.size()) {
                            done = true;
                            subscriber.onComplete();
                        }
                    }
                }
            } while (wip.decrementAndGet() != 0);
        }
    }
}
