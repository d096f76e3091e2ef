package dev.railguard.evals;

import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.railguard.engine.JudgePanel;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.testkit.RecordedRequest;
import dev.railguard.testkit.StubOpenAiServer;
import dev.railguard.testkit.StubReply;
import java.time.Duration;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A judge: the real OpenAiChatModel against the local stub server, in a RailguardEvaluator. */
final class StubJudge implements AutoCloseable {

    private static final Pattern NONCE = Pattern.compile("<<<BEGIN [a-z_0-9]+ ([0-9]+)>>>");

    final StubOpenAiServer server;
    final OpenAiChatModel model;
    final RailguardEvaluator evaluator;

    StubJudge(Function<RecordedRequest, StubReply> responder) {
        this(responder, "judge-model");
    }

    StubJudge(Function<RecordedRequest, StubReply> responder, String modelName) {
        server = StubOpenAiServer.start(responder);
        model = model(server, modelName);
        // one attempt per call: these tests are about how evals count a failed judge call, not about retrying it
        evaluator = RailguardEvaluator.builder().judges(JudgePanel.single("judge", model)).maxCallAttempts(1).build();
    }

    static OpenAiChatModel model(StubOpenAiServer server, String modelName) {
        return OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("test-key").modelName(modelName)
                .maxRetries(0).timeout(Duration.ofSeconds(10)).build();
    }

    /** The nonce of the fenced sections of a judge request. */
    static String nonce(RecordedRequest r) {
        Matcher m = NONCE.matcher(r.userText());
        if (!m.find()) {
            throw new AssertionError("no fenced section in: " + r.userText());
        }
        return m.group(1);
    }

    /** The text of section {@code label} of a judge request, or null. */
    static String section(RecordedRequest r, String label) {
        String n = nonce(r);
        String text = r.userText();
        String begin = "<<<BEGIN " + label + " " + n + ">>>\n";
        String end = "\n<<<END " + label + " " + n + ">>>";
        int b = text.indexOf(begin);
        if (b < 0) {
            return null;
        }
        int e = text.indexOf(end, b);
        return text.substring(b + begin.length(), e);
    }

    static StubReply accuracy(int score) {
        return StubReply.content("{\"accuracy_score\": " + score + ", \"accuracy_reason\": \"scored " + score + "\"}");
    }

    static StubReply numeric(int score) {
        return StubReply.content("{\"score\": " + score + ", \"reason\": \"scored " + score + "\"}");
    }

    static StubReply binary(boolean passed) {
        return StubReply.content("{\"passed\": " + passed + ", \"reason\": \"decided " + passed + "\"}");
    }

    @Override
    public void close() {
        evaluator.close();
        server.close();
    }
}
