package dev.railguard.telemetry;

import static dev.railguard.telemetry.Records.*;

import dev.railguard.api.EvaluationStatus;
import dev.railguard.engine.EvaluationObserver;
import dev.railguard.event.EventObserver;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import java.util.List;
import java.util.function.Supplier;

/**
 * Run by {@link OptionalDependenciesTest} inside class loaders that lack a library; each names what it found.
 * Everything goes through the guarded observer the engine uses.
 */
final class Probes {

    private Probes() {
    }

    static boolean present(String className) {
        try {
            Class.forName(className, false, Probes.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Micrometer only. */
    public static final class WithoutOpenTelemetry implements Supplier<String> {
        @Override
        public String get() {
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            EvaluationObserver observer = EvaluationObserver.of(List.of(MicrometerObserver.create(registry)));
            observer.evaluationStarted(start("evt_1", request(null, "correctness")))
                    .finished(result("evt_1", EvaluationStatus.COMPLETED, null, pass("correctness", 0.9)));
            return (present("io.opentelemetry.api.OpenTelemetry") ? "opentelemetry PRESENT" : "opentelemetry absent")
                    + "; evaluations " + registry.get("railguard.evaluations").counter().count();
        }
    }

    /** OpenTelemetry only. */
    public static final class WithoutMicrometer implements Supplier<String> {
        @Override
        public String get() {
            InMemoryLogRecordExporter logs = InMemoryLogRecordExporter.create();
            OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setLoggerProvider(SdkLoggerProvider.builder()
                    .addLogRecordProcessor(SimpleLogRecordProcessor.create(logs)).build()).build();
            EvaluationObserver observer = EvaluationObserver.of(List.of(OpenTelemetryObserver.create(sdk)));
            observer.evaluationStarted(start("evt_1", request(null, "correctness")))
                    .finished(result("evt_1", EvaluationStatus.COMPLETED, null, pass("correctness", 0.9)));
            return (present("io.micrometer.core.instrument.MeterRegistry") ? "micrometer PRESENT" : "micrometer absent")
                    + "; events " + logs.getFinishedLogRecordItems().size();
        }
    }

    /** Neither library: the engine's public types and the telemetry module's plain classes load and initialize. */
    public static final class WithNeither implements Supplier<String> {
        @Override
        public String get() {
            if (present("io.opentelemetry.api.OpenTelemetry") || present("io.micrometer.core.instrument.MeterRegistry")) {
                return "a library is present";
            }
            List<String> classes = List.of("dev.railguard.engine.RailguardEvaluator",
                    "dev.railguard.engine.EvaluationObserver", "dev.railguard.event.EventObserver",
                    "dev.railguard.engine.JudgeCallRecord",
                    "dev.railguard.telemetry.internal.Texts", "dev.railguard.telemetry.internal.Names",
                    "dev.railguard.telemetry.internal.PassRateWindow", "dev.railguard.telemetry.internal.BoundedTags");
            for (String c : classes) {
                try {
                    Class.forName(c, true, Probes.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    return "failed to load " + c + ": " + e;
                }
            }
            EventObserver.of(List.of(new EventObserver() { })).monitorIntake("m", true);
            return "neither present; loaded " + classes.size();
        }
    }
}
