package dev.railguard.metrics;

import dev.langchain4j.model.chat.request.ChatRequest;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.ModelInput;
import dev.railguard.api.RunMode;
import dev.railguard.api.Verdict;
import dev.railguard.engine.JudgePanel;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.testkit.ScriptedChatModel;
import dev.railguard.testkit.SimulatedJudges;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The judge prompts of one small case as the judges receive them, captured from simulated judges (every unit true)
 * on a panel with a judge in every role, so each template of a run mode is rendered.
 */
final class RenderedPrompts {

    static final ModelInput INPUT = ModelInput.builder()
            .systemPrompt("You are the assistant of the Atlas library. Answer politely.")
            .userPrompt("When was the Atlas library founded, and how many manuscripts does it hold?")
            .addDocuments("The Atlas library was founded in 1901. It holds 1,200 rare manuscripts.")
            .groundTruth("Founded in 1901; 1,200 manuscripts.")
            .build();
    static final String OUTPUT = "The Atlas library was founded in 1901.\nIt holds 1,200 rare manuscripts.";
    static final List<String> METRICS = List.of("correctness", "completeness", "instruction_adherence",
            "context_adherence", "ground_truth_adherence", "comprehensive_safety");

    private static final Pattern NONCE = Pattern.compile("<<<BEGIN \\S+ ([0-9]+)>>>");

    /** One judge call: its reply schema, system prompt and user message, the nonce replaced by {@code NONCE}. */
    record Call(String schema, String system, String user) {}

    private RenderedPrompts() {}

    /** The calls of one evaluation of {@code metrics} on the case in {@code mode}, in a stable order. */
    static List<Call> calls(RunMode mode, List<String> metrics) {
        return calls(mode, metrics, INPUT, OUTPUT);
    }

    static List<Call> calls(RunMode mode, List<String> metrics, ModelInput input, String output) {
        SimulatedJudges judges = SimulatedJudges.builder().truth((metric, unit) -> true).build();
        List<ScriptedChatModel> models = new ArrayList<>();
        JudgePanel.Builder panel = JudgePanel.builder();
        for (String role : List.of("fast", "a", "b", "strong", "code")) {
            ScriptedChatModel model = judges.judge(role);
            models.add(model);
            switch (role) {
                case "fast" -> panel.fast(role, model);
                case "strong" -> panel.strong(role, model);
                case "code" -> panel.code(role, model);
                default -> panel.standard(role, model);
            }
        }
        try (RailguardEvaluator evaluator = RailguardEvaluator.builder().judges(panel.build()).build()) {
            EvaluationResult result = evaluator.evaluate(EvaluationRequest.builder().modelInput(input)
                    .modelOutput(output).metrics(metrics).runMode(mode).build());
            result.metrics().values().forEach(m -> {
                if (m.verdict() != Verdict.PASS && m.verdict() != Verdict.SKIPPED) {
                    throw new IllegalStateException("simulated judges should pass " + m.metric() + " in " + mode
                            + ": " + m.rationale());
                }
            });
        }
        return models.stream().flatMap(m -> m.requests().stream()).map(RenderedPrompts::call)
                .sorted(Comparator.comparing(Call::schema).thenComparing(Call::system).thenComparing(Call::user))
                .toList();
    }

    /** The golden text of {@code mode}: each distinct call once, with how many times it was sent. */
    static String golden(RunMode mode) {
        Map<Call, Integer> counts = new LinkedHashMap<>();
        calls(mode, METRICS).forEach(c -> counts.merge(c, 1, Integer::sum));
        return counts.entrySet().stream().map(e -> "### " + e.getKey().schema() + " (sent " + e.getValue() + "x)\n"
                + "--- system\n" + e.getKey().system() + "\n--- user\n" + e.getKey().user() + "\n")
                .collect(Collectors.joining("\n"));
    }

    /** The system prompts of the calls whose schema name ends with {@code suffix}. */
    static List<String> systems(List<Call> calls, String suffix) {
        return calls.stream().filter(c -> c.schema().endsWith(suffix)).map(Call::system).toList();
    }

    private static Call call(ChatRequest request) {
        String system = ScriptedChatModel.systemText(request);
        String user = ScriptedChatModel.userText(request);
        Matcher m = NONCE.matcher(user);
        if (m.find()) {
            system = system.replace(m.group(1), "NONCE");
            user = user.replace(m.group(1), "NONCE");
        }
        return new Call(request.responseFormat().jsonSchema().name(), system, user);
    }

    static Stream<RunMode> modes() {
        return Stream.of(RunMode.values());
    }
}
