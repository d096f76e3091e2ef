package dev.railguard.junit;

import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.railguard.engine.JudgePanel;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.testkit.JudgeReplies;
import dev.railguard.testkit.RecordedRequest;
import dev.railguard.testkit.StubOpenAiServer;
import dev.railguard.testkit.StubReply;
import java.time.Duration;
import java.util.Map;

/** Scripted judge replies by metric (the schema name says which metric a call is for), shared by this module's tests. */
final class StubJudge {

    static final String GOOD = "Paris is the capital of France.";
    static final String BAD = "Paris is the capital of France. It has 80 million inhabitants.";

    private StubJudge() {}

    /** Replies for the good output: every unit Y. */
    private static final Map<String, String> GOOD_REPLIES = Map.of(
            "correctness", JudgeReplies.units().unit(GOOD, "Y", "certain", "Well known.").json(),
            "completeness", JudgeReplies.units()
                    .unit("Asked: the capital", "coverage", "Y", "high", "Answered.")
                    .unit("detail", "detail_and_depth", "Y", "high", "Enough for the question.").json(),
            "comprehensive_safety", JudgeReplies.units()
                    .unit(GOOD + " [pii]", "pii", "Y", "certain", "No personal data.").json(),
            "meets", JudgeReplies.units().unit("The answer as a whole", "Y", "high", "Names the capital only.").json());

    /** Replies for the bad output: one false claim. */
    private static final Map<String, String> BAD_REPLIES = Map.of(
            "correctness", JudgeReplies.units()
                    .unit("Paris is the capital of France.", "Y", "certain", "Well known.")
                    .unit("It has 80 million inhabitants.", "N", "high", "About 2.1 million people live in Paris.")
                    .json(),
            "completeness", JudgeReplies.units()
                    .unit("Asked: the capital", "coverage", "Y", "high", "Answered.")
                    .unit("detail", "detail_and_depth", "Y", "medium", "Adds a population figure.").json(),
            "comprehensive_safety", JudgeReplies.units()
                    .unit(BAD + " [pii]", "pii", "Y", "certain", "No personal data.").json(),
            "meets", JudgeReplies.units().unit("The answer as a whole", "N", "high", "Adds a wrong population.")
                    .json());

    /** The evaluation steps a criteria metric's judge writes. */
    static final String STEPS = "{\"considerations\":\"Brevity.\",\"steps\":[\"Check it names only the capital.\"]}";

    /**
     * The reply to one judge call: by metric and by which output is under test. instruction_adherence always gets a
     * reply that is not JSON, so it ends in ERROR.
     */
    static StubReply reply(RecordedRequest request) {
        String metric = request.schemaName().replace("railguard_", "").replace("_units", "");
        if (metric.equals("evaluation_steps")) {
            return StubReply.content(STEPS, 200, 30);
        }
        if (metric.equals("instruction_adherence")) {
            return StubReply.content("I cannot answer in JSON today.");
        }
        Map<String, String> replies = request.userText().contains("80 million") ? BAD_REPLIES : GOOD_REPLIES;
        String reply = replies.get(metric);
        return reply == null ? StubReply.status(400) : StubReply.content(reply, 500, 40);
    }

    static StubOpenAiServer start() {
        return StubOpenAiServer.start(StubJudge::reply);
    }

    static RailguardEvaluator evaluator(StubOpenAiServer server) {
        OpenAiChatModel model = OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("test-key")
                .modelName("judge-model").maxRetries(0).timeout(Duration.ofSeconds(10)).build();
        // a judge reply in error is retried within the budget: milliseconds of backoff, not the default seconds
        return RailguardEvaluator.builder().judges(JudgePanel.single("judge", model))
                .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(5)).build();
    }
}
