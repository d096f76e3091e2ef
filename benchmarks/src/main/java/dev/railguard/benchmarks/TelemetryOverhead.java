package dev.railguard.benchmarks;

import dev.langchain4j.model.chat.ChatModel;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.ModelInput;
import dev.railguard.engine.EvaluationObserver;
import dev.railguard.engine.JudgePanel;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.telemetry.MicrometerObserver;
import dev.railguard.telemetry.OpenTelemetryObserver;
import dev.railguard.testkit.JudgeReplies;
import dev.railguard.testkit.ScriptedChatModel;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * What the observers cost: the engine-overhead run (one metric, an in-process judge that answers at once) without
 * observers, with the Micrometer observer on a {@code SimpleMeterRegistry}, and with the OpenTelemetry observer on
 * the SDK (simple processors, exporters that count and drop), in alternating rounds. A judge that answers at once is
 * the worst case: with a real judge a call takes hundreds of milliseconds and the observers' microseconds vanish.
 */
final class TelemetryOverhead {

    private static final String REPLY = JudgeReplies.units()
            .unit("Paris is the capital of France.", "Y", "high", "True.").json();
    private static final int COUNT = 20_000;

    private TelemetryOverhead() {}

    static void run() {
        LongAdder spans = new LongAdder();
        LongAdder events = new LongAdder();
        OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(
                        new CountingSpans(spans))).build())
                .setLoggerProvider(SdkLoggerProvider.builder().addLogRecordProcessor(SimpleLogRecordProcessor.create(
                        new CountingLogs(events))).build())
                .build();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        List<Variant> variants = List.of(
                new Variant("no observer", () -> new EvaluationObserver[0]),
                new Variant("Micrometer", () -> new EvaluationObserver[] {MicrometerObserver.create(registry)}),
                new Variant("OpenTelemetry", () -> new EvaluationObserver[] {OpenTelemetryObserver.create(sdk)}),
                new Variant("both", () -> new EvaluationObserver[] {OpenTelemetryObserver.create(sdk),
                        MicrometerObserver.create(registry)}));
        for (Variant v : variants) {
            v.measure(5_000); // warm-up
        }
        for (int round = 0; round < 3; round++) {
            for (Variant v : variants) {
                v.best = Math.min(v.best, v.measure(COUNT));
            }
        }
        double base = variants.get(0).best;
        for (Variant v : variants) {
            System.out.printf(Locale.ROOT, "telemetry overhead, %-13s: %,d evaluations in %.2f s (best of 3) = %,.0f/s,"
                    + " %.1f us each, %+.1f us per evaluation beside no observer%n", v.name, COUNT, v.best,
                    COUNT / v.best, v.best * 1e6 / COUNT, (v.best - base) * 1e6 / COUNT);
        }
        System.out.printf(Locale.ROOT, "  exported %,d spans and %,d gen_ai.evaluation.result events in all%n",
                spans.sum(), events.sum());
        sdk.close();
    }

    private static final class Variant {
        final String name;
        final Supplier<EvaluationObserver[]> observers;
        double best = Double.MAX_VALUE;

        Variant(String name, Supplier<EvaluationObserver[]> observers) {
            this.name = name;
            this.observers = observers;
        }

        double measure(int count) {
            ChatModel instant = ScriptedChatModel.answering(r -> REPLY);
            try (RailguardEvaluator evaluator = RailguardEvaluator.builder().judges(JudgePanel.single("instant",
                    instant)).maxConcurrentJudgeCalls(4).observer(observers.get()).build()) {
                long t0 = System.nanoTime();
                try (Stream<EvaluationResult> results = evaluator.evaluateAll(IntStream.range(0, count)
                        .mapToObj(i -> EvaluationRequest.builder()
                                .modelInput(ModelInput.ofUserPrompt("Tell me about Paris, question " + i + "."))
                                .modelOutput("Answer " + i + ": Paris is the capital of France.")
                                .metrics("correctness").build()))) {
                    long passed = results.filter(EvaluationResult::passed).count();
                    if (passed != count) {
                        throw new IllegalStateException(name + ": " + passed + " of " + count + " passed");
                    }
                }
                return (System.nanoTime() - t0) / 1e9;
            }
        }
    }

    private record CountingSpans(LongAdder count) implements SpanExporter {
        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            count.add(spans.size());
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }

    private record CountingLogs(LongAdder count) implements LogRecordExporter {
        @Override
        public CompletableResultCode export(Collection<LogRecordData> logs) {
            count.add(logs.size());
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
