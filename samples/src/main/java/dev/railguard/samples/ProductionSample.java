package dev.railguard.samples;

import com.sun.net.httpserver.HttpServer;
import dev.railguard.api.ModelInput;
import dev.railguard.config.JudgeEnvironment;
import dev.railguard.engine.JudgePanel;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.event.EventInput;
import dev.railguard.monitor.Monitor;
import dev.railguard.telemetry.MicrometerObserver;
import dev.railguard.telemetry.OpenTelemetryObserver;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.api.GlobalOpenTelemetry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * A monitor in production: its evaluations become OpenTelemetry spans and {@code gen_ai.evaluation.result} events
 * (through {@code GlobalOpenTelemetry}: the OpenTelemetry Java agent or your SDK set-up exports them), and Micrometer
 * meters on a Prometheus scrape endpoint at {@code http://127.0.0.1:9464/metrics}. Runs with a judge configured in
 * the environment (see {@link JudgeEnvironment}) and serves until the process is stopped.
 */
public final class ProductionSample {

    static final String[][] EVENTS = MonitorSample.EVENTS;

    private ProductionSample() {}

    /** Runs the sample against the configured judge on port 9464 (or the first argument), or says what is missing. */
    public static void main(String... args) throws Exception {
        Optional<JudgePanel> panel = JudgeEnvironment.fromSystem().panel();
        if (panel.isEmpty()) {
            System.out.println(JudgeEnvironment.HOW_TO_CONFIGURE);
            return;
        }
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 9464;
        try (Running running = start(panel.get(), new InetSocketAddress("127.0.0.1", port), System.out)) {
            running.monitor().awaitIdle(Duration.ofMinutes(5));
            System.out.println("scrape http://127.0.0.1:" + running.port() + "/metrics; Ctrl-C to stop");
            Thread.currentThread().join();
        }
    }

    /** The running sample: close it to stop the endpoint, the monitor and the evaluator. */
    record Running(HttpServer http, RailguardEvaluator evaluator, Monitor monitor) implements AutoCloseable {
        int port() {
            return http.getAddress().getPort();
        }

        @Override
        public void close() {
            http.stop(0);
            monitor.close(true);
            evaluator.close();
        }
    }

    /** Wires the monitor to OpenTelemetry and Micrometer, serves the scrape endpoint and submits the sample events. */
    static Running start(JudgePanel panel, InetSocketAddress address, PrintStream out) throws IOException {
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        MicrometerObserver micrometer = MicrometerObserver.create(meters);
        OpenTelemetryObserver otel = OpenTelemetryObserver.create(GlobalOpenTelemetry.get());
        RailguardEvaluator evaluator = RailguardEvaluator.builder().judges(panel)
                .observer(otel, micrometer).build();             // spans, gen_ai.evaluation.result, judge meters
        Monitor monitor = Monitor.builder().name("capitals bot").evaluator(evaluator)
                .metrics("correctness", "comprehensive_safety")
                .observer(otel, micrometer).build();             // submit's span as parent; intake, pass rate
        HttpServer http = HttpServer.create(address, 0);
        http.createContext("/metrics", exchange -> {
            byte[] body = meters.scrape().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(body);
            }
        });
        http.start();
        for (String[] e : EVENTS) {
            monitor.submit(EventInput.of(ModelInput.ofUserPrompt(e[0]), e[1]).withNametag(e[2]));
        }
        out.println("serving Prometheus metrics on http://" + address.getHostString() + ":"
                + http.getAddress().getPort() + "/metrics");
        return new Running(http, evaluator, monitor);
    }
}
