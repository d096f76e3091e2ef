package dev.railguard.cli;

import dev.railguard.testkit.JudgeReplies;
import dev.railguard.testkit.RecordedRequest;
import dev.railguard.testkit.StubReply;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Runs the command in-process and keeps what it printed. */
record Cli(int exitCode, String out, String err) {

    static Cli run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = RailguardCommand.execute(env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The judge: correctness finds a false claim in outputs that say "80 million", every other unit is Y. */
    static StubReply judge(RecordedRequest request) {
        if (request.responseFormatType().isEmpty()) {
            return StubReply.content("Paris.");
        }
        if (request.userText().contains("80 million") && request.schemaName().contains("correctness")) {
            return StubReply.content(JudgeReplies.units()
                    .unit("Paris is the capital of France.", "Y", "certain", "Well known.")
                    .unit("It has 80 million inhabitants.", "N", "high", "About 2.1 million people live in Paris.")
                    .json(), 300, 40);
        }
        return StubReply.content(JudgeReplies.satisfying(request), 300, 40);
    }

    /** Three events: one good, one with a false claim, one with an e-mail address (PII). */
    static Path events(Path dir) throws Exception {
        Path f = dir.resolve("events.jsonl");
        Files.writeString(f, String.join("\n",
                event("good", "Paris is the capital of France."),
                event("claim", "Paris is the capital of France. It has 80 million inhabitants."),
                event("pii", "Paris is the capital of France. Write to jane.doe@example.com for more."),
                "") + "\n");
        return f;
    }

    static String event(String id, String output) {
        return "{\"id\":\"" + id + "\",\"model_input\":{\"user_prompt\":\"What is the capital of France?\"},"
                + "\"model_output\":\"" + output + "\",\"model_used\":\"m\",\"run_mode\":\"fast\","
                + "\"nametag\":\"geo\",\"guardrail_metrics\":[\"correctness\",\"pii\"]}";
    }
}
