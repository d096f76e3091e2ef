package dev.railguard.cli.internal;

import com.sun.net.httpserver.HttpServer;
import dev.railguard.cli.RailguardCommand;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The training run of the AppCDS archive (run by {@code src/build/train-cds.sh} at {@code package} time under
 * {@code -XX:ArchiveClassesAtExit}): a one-event {@code eval} against a local judge that answers every call with
 * one Y unit, then {@code report}, {@code diff} and {@code metrics}, so that the classes of a real start are loaded.
 * Not part of the command.
 */
final class CdsTraining {

    private CdsTraining() {}

    /** Runs the training; prints nothing unless a step fails. */
    public static void main(String... args) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String units = "{\\\"units\\\":[{\\\"text\\\":\\\"Paris is the capital.\\\",\\\"label\\\":\\\"\\\","
                    + "\\\"verdict\\\":\\\"Y\\\",\\\"confidence\\\":\\\"high\\\",\\\"reason\\\":\\\"ok\\\"}]}";
            byte[] body = ("{\"id\":\"c\",\"object\":\"chat.completion\",\"created\":0,\"model\":\"m\",\"choices\":"
                    + "[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" + units + "\"},"
                    + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5,"
                    + "\"total_tokens\":15}}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        Path dir = Files.createTempDirectory("railguard-cds");
        try {
            Path events = Files.writeString(dir.resolve("events.jsonl"), "{\"id\":\"a\",\"model_input\":{\"user_prompt\":"
                    + "\"What is the capital of France?\"},\"model_output\":\"Paris is the capital.\",\"run_mode\":"
                    + "\"fast\",\"guardrail_metrics\":[\"correctness\",\"pii\"]}\n");
            Map<String, String> env = Map.of("RAILGUARD_JUDGE_BASE_URL",
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
            PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
            Path results = dir.resolve("out/results.jsonl");
            step(RailguardCommand.execute(env, sink, sink, "eval", events.toString(), "--out",
                    dir.resolve("out").toString(), "--progress", "log"), "eval");
            step(RailguardCommand.execute(env, sink, sink, "report", results.toString()), "report");
            step(RailguardCommand.execute(env, sink, sink, "diff", results.toString(), results.toString()), "diff");
            step(RailguardCommand.execute(env, sink, sink, "metrics"), "metrics");
        } finally {
            server.stop(0);
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp directory left behind is harmless
            }
        }
    }

    private static void step(int exitCode, String name) {
        if (exitCode != 0) {
            System.err.println("railguard CDS training: '" + name + "' exited with " + exitCode
                    + "; the archive covers fewer classes");
        }
    }
}
