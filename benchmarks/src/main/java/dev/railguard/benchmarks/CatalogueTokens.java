package dev.railguard.benchmarks;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.GuardrailMetric;
import dev.railguard.api.ModelInput;
import dev.railguard.engine.JudgePanel;
import dev.railguard.engine.MetricRegistry;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.metrics.CriteriaMetric;
import dev.railguard.testkit.JudgeReplies;
import dev.railguard.testkit.RecordedRequest;
import dev.railguard.testkit.StubOpenAiServer;
import dev.railguard.testkit.StubReply;
import java.util.ArrayList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prompt tokens per evaluation (cl100k_base, jtokkit) of the judged catalogue and a criteria metric, beside the
 * DeepEval metric each corresponds to, on the same case. Railguard's side is measured: every prompt its judges get
 * in {@code fast} mode, captured by the stub server. DeepEval's side is its templates at commit a2e0d4c (read from a
 * checkout, {@link #deepEvalTemplate}), rendered with the same case texts, called as its code calls them (per document, per turn,
 * per intention; the reason call included, as by default); the lists its earlier calls extract (statements,
 * verdicts, knowledge) are filled with the case's own sentences, so they are estimates of a judge's output.
 * Run with {@code mvn -B -q -DskipTests package exec:java -pl benchmarks -am -Dexec.args=catalogue -Drailguard.peers.deepeval=PATH}.
 */
final class CatalogueTokens {

    private static final Encoding CL100K = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);
    private static final Pattern IF = Pattern.compile(
            "\\{% if ([^%]+?) %\\}((?:(?!\\{% if ).)*?)(?:\\{% else %\\}((?:(?!\\{% if ).)*?))?\\{% endif %\\}",
            Pattern.DOTALL);
    private static final Pattern VAR = Pattern.compile("\\{\\{\\s*([^}]+?)\\s*\\}\\}");

    private static final String PROMPT = "When was the Eiffel Tower finished, and how tall is it?";
    private static final List<String> DOCS = List.of(
            "The Eiffel Tower is a wrought-iron lattice tower on the Champ de Mars in Paris. It is 330 metres tall"
                    + " including its antennas, about the height of an 81-storey building.",
            "Paris has more than 1,000 bakeries, and the city holds a yearly contest for the best baguette.",
            "Construction of the tower began in January 1887 and ended in March 1889, in time for the Exposition"
                    + " Universelle that marked the centenary of the French Revolution.");
    private static final String TRUTH = "The Eiffel Tower was finished in March 1889. It is 330 metres tall.";
    private static final String ANSWER = "The Eiffel Tower was finished in March 1889. It is 330 metres tall with its"
            + " antennas. Paris also has wonderful bakeries.";
    private static final String SYSTEM = "You are Bob, a travel agent for Acme Travel. Only discuss travel; never"
            + " quote prices; be friendly and brief.";
    private static final List<String[]> TURNS = List.of(
            new String[] {"user", "Hi, I am Ana. I want to visit Lisbon in May, for three nights."},
            new String[] {"assistant", "Hello Ana! Lisbon in May is lovely. How many nights will you stay?"},
            new String[] {"user", "Three, as I said. Can you also book my flight from Madrid?"});
    private static final String LAST = "For your three nights I recommend the Tivoli Oriente; I have sent the flight"
            + " options from Madrid to your e-mail.";
    private static final String CRITERIA = "Polite, and ends with a concrete next step the customer can take.";
    private static final List<String> STEPS = List.of("Read the whole reply and note its tone.",
            "Check that no sentence is rude, curt or blaming.",
            "Check that the last sentence names an action the customer can take.",
            "Decide whether both hold.");

    private CatalogueTokens() {}

    static void run() throws Exception {
        System.out.println("prompt tokens per evaluation (cl100k_base), fast mode, beside DeepEval a2e0d4c");
        ModelInput rag = ModelInput.builder().userPrompt(PROMPT).groundTruth(TRUTH).documents(DOCS).build();
        ModelInput.Builder chat = ModelInput.builder().systemPrompt(SYSTEM).userPrompt("Which hotel do you suggest?");
        TURNS.forEach(t -> chat.addContext(t[0], t[1]));
        ModelInput agent = ModelInput.builder().userPrompt("Book a table for two at Chez Marie tomorrow at 8pm and"
                + " tell me the address.")
                .addToolCall("find_restaurant", "{\"name\":\"Chez Marie\"}", "{\"id\":17,\"address\":\"3 Rue Cler\"}")
                .addToolCall("book_table", "{\"restaurant_id\":17,\"people\":2,\"time\":\"20:00\"}", "{\"ok\":true}")
                .build();
        String agentAnswer = "Booked for two at 8pm. Chez Marie is at 3 Rue Cler.";
        String politeAnswer = "Sorry for the delay! Track your parcel with the link below, or reply and we resend it.";

        row("answer_relevance", rag, ANSWER, null, deepEval(
                call("answer_relevancy.generate_statements", "actual_output", ANSWER),
                call("answer_relevancy.generate_verdicts", "input", PROMPT, "statements", sentencesJson(ANSWER)),
                call("answer_relevancy.generate_reason", "input", PROMPT, "irrelevant_statements",
                        "[\"Paris also has wonderful bakeries.\"]", "score", "0.67")));
        List<Map<String, String>> relevance = new ArrayList<>();
        for (String d : DOCS) {
            relevance.add(call("contextual_relevancy.generate_verdicts", "input", PROMPT, "context", d));
        }
        relevance.add(call("contextual_relevancy.generate_reason", "input", PROMPT, "relevant_statements",
                sentencesJson(DOCS.get(0) + " " + DOCS.get(2)), "irrelevant_statements", sentencesJson(DOCS.get(1)),
                "score", "0.67"));
        row("context_relevance", rag, ANSWER, null, relevance);
        row("context_precision", rag, ANSWER, null, deepEval(
                call("contextual_precision.generate_verdicts", "input", PROMPT, "expected_output", TRUTH,
                        "context_to_display", String.join("\n\n", DOCS), "document_count_str", "3 documents"),
                call("contextual_precision.generate_reason", "input", PROMPT, "score", "0.83", "verdicts",
                        verdictsJson(3))));
        row("context_recall", rag, ANSWER, null, deepEval(
                call("contextual_recall.generate_verdicts", "expected_output", TRUTH, "context_to_display",
                        String.join("\n\n", DOCS), "content_type", "context"),
                call("contextual_recall.generate_reason", "expected_output", TRUTH, "score", "1.0",
                        "supportive_reasons", verdictsJson(2), "unsupportive_reasons", "[]",
                        "content_type", "context")));
        String turns = turnsJson(LAST);
        row("role_adherence", chat.build(), LAST, null, deepEval(
                call("role_adherence.extract_out_of_character_response_verdicts", "role", SYSTEM, "turns", turns),
                call("role_adherence.generate_reason", "role", SYSTEM, "out_of_character_responses", "[]",
                        "score", "1.0")));
        List<Map<String, String>> retention = new ArrayList<>();
        retention.add(call("knowledge_retention.extract_data", "previous_turns", "[]", "user_message", TURNS.get(0)[1]));
        retention.add(call("knowledge_retention.extract_data", "previous_turns", turnsJson(null), "user_message",
                TURNS.get(2)[1]));
        String knowledge = "{\"name\":\"Ana\",\"destination\":\"Lisbon\",\"month\":\"May\",\"nights\":\"3\"}";
        retention.add(call("knowledge_retention.generate_verdict", "accumulated_knowledge", knowledge, "llm_message",
                TURNS.get(1)[1]));
        retention.add(call("knowledge_retention.generate_verdict", "accumulated_knowledge", knowledge, "llm_message",
                LAST));
        retention.add(call("knowledge_retention.generate_reason", "attritions", "[\"Asked again for the nights.\"]",
                "score", "0.5"));
        row("knowledge_retention", chat.build(), LAST, null, retention);
        List<Map<String, String>> completeness = new ArrayList<>();
        completeness.add(call("conversation_completeness.extract_user_intentions", "turns", turns));
        for (String intent : List.of("Plan a three-night stay in Lisbon in May.", "Book a flight from Madrid.")) {
            completeness.add(call("conversation_completeness.generate_verdicts", "intention", intent, "turns", turns));
        }
        completeness.add(call("conversation_completeness.generate_reason", "intentions", "[\"Plan a stay.\", \"Book"
                + " a flight.\"]", "incompletenesses", "[]", "score", "1.0"));
        row("conversation_completeness", chat.build(), LAST, null, completeness);
        String called = agent.toolCalls().toString();
        row("tool_call_accuracy", agent, agentAnswer, null, deepEval(
                call("tool_use.get_tool_selection_score", "user_input", agent.userPrompt(), "assistant_messages",
                        agentAnswer, "tools_called", called, "available_tools", "[find_restaurant, book_table]"),
                call("tool_use.get_argument_correctness_score", "user_input", agent.userPrompt(), "assistant_messages",
                        agentAnswer, "tools_called", called, "available_tools", "[find_restaurant, book_table]"),
                call("tool_use.get_tool_selection_final_reason", "all_scores_and_reasons", verdictsJson(2),
                        "final_score", "1.0", "threshold", "0.5"),
                call("tool_use.get_tool_argument_final_reason", "all_scores_and_reasons", verdictsJson(2),
                        "final_score", "1.0", "threshold", "0.5")));
        row("task_completion", agent, agentAnswer, null, deepEval(
                call("task_completion.extract_goal_and_outcome", "input", agent.userPrompt(), "actual_output",
                        agentAnswer, "tools_called_formatted", called),
                call("task_completion.generate_verdict", "task", "Book a table for two and give the address.",
                        "actual_outcome", agentAnswer)));
        String parameters = "Input and Actual Output";
        String testCase = "Input:\nMy parcel is late.\n\nActual Output:\n" + politeAnswer;
        Map<String, String> results = call("g_eval.generate_evaluation_results", "evaluation_steps", numbered(STEPS),
                "test_case_content", testCase, "parameters", parameters);
        CriteriaMetric criteria = CriteriaMetric.builder("polite_next_step").criteria(CRITERIA).build();
        row("criteria (first evaluation)", ModelInput.ofUserPrompt("My parcel is late."), politeAnswer, criteria,
                deepEval(call("g_eval.generate_evaluation_steps", "criteria", CRITERIA, "parameters", parameters),
                        results));
    }

    /** One of DeepEval's calls: its template and the values of its variables. */
    private static Map<String, String> call(String template, String... keyValues) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("_template", template);
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put(keyValues[i], keyValues[i + 1]);
        }
        return values;
    }

    @SafeVarargs
    private static List<Map<String, String>> deepEval(Map<String, String>... calls) {
        return List.of(calls);
    }

    private static void row(String label, ModelInput input, String output, CriteriaMetric criteria,
            List<Map<String, String>> peerCalls) {
        String metric = criteria == null ? label : criteria.name();
        try (StubOpenAiServer server = StubOpenAiServer.start(r -> StubReply.content(
                r.schemaName().equals("railguard_evaluation_steps") ? stepsReply() : JudgeReplies.satisfying(r),
                1000, 60));
                RailguardEvaluator evaluator = evaluator(server, criteria)) {
            EvaluationRequest request = EvaluationRequest.builder().modelInput(input).modelOutput(output)
                    .metrics(metric).build();
            evaluator.evaluate(request);
            long first = tokens(server.requests());
            int firstCalls = server.requests().size();
            server.clear();
            evaluator.evaluate(request.toBuilder().modelOutput(output + " ").build());
            long later = tokens(server.requests());
            int laterCalls = server.requests().size();
            long peer = peerCalls.stream().mapToLong(c -> CL100K.countTokens(render(c))).sum();
            System.out.printf(Locale.ROOT, "   %-28s railguard %d call(s) %,6d tokens (later evaluations: %d call(s)"
                    + " %,d) | DeepEval %d call(s) %,6d tokens | ratio %.2f%n", label, firstCalls, first, laterCalls,
                    later, peerCalls.size(), peer, (double) first / peer);
        }
    }

    private static RailguardEvaluator evaluator(StubOpenAiServer server, GuardrailMetric extra) {
        OpenAiChatModel judge = OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("bench")
                .modelName("judge").maxRetries(0).build();
        MetricRegistry metrics = extra == null ? MetricRegistry.installed() : MetricRegistry.installed().with(extra);
        return RailguardEvaluator.builder().judges(JudgePanel.single("judge", judge)).metrics(metrics).build();
    }

    private static String stepsReply() {
        StringBuilder sb = new StringBuilder("{\"considerations\":\"Politeness is easy to over-reward.\",\"steps\":[");
        for (int i = 0; i < STEPS.size(); i++) {
            sb.append(i == 0 ? "" : ",").append('"').append(STEPS.get(i)).append('"');
        }
        return sb.append("]}").toString();
    }

    private static long tokens(List<RecordedRequest> calls) {
        return calls.stream().mapToLong(c -> CL100K.countTokens(c.allText())).sum();
    }

    /**
     * DeepEval's template {@code <metric>.<call>}, read from a checkout of DeepEval at commit a2e0d4c named by the
     * system property {@code railguard.peers.deepeval} ({@code deepeval/metrics/<metric>/templates/<call>.txt} under
     * it). Peers' prompts are not kept in this repository: they are data for this count only.
     */
    static String deepEvalTemplate(String name) {
        String root = System.getProperty("railguard.peers.deepeval");
        if (root == null || root.isBlank()) {
            throw new IllegalStateException("set -Drailguard.peers.deepeval=<a checkout of confident-ai/deepeval at"
                    + " a2e0d4c> to count DeepEval's prompts");
        }
        int dot = name.indexOf('.');
        Path file = Path.of(root, "deepeval", "metrics", name.substring(0, dot), "templates",
                name.substring(dot + 1) + ".txt");
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("DeepEval template " + name + " not found at " + file, e);
        }
    }

    /** A DeepEval template with Jinja's if/else resolved (a variable is true when given) and variables filled. */
    static String render(Map<String, String> call) {
        String text = deepEvalTemplate(call.get("_template"));
        Matcher m = IF.matcher(text);
        while (m.find()) {
            String condition = m.group(1).trim();
            boolean truth = call.containsKey(condition);
            String chosen = truth ? m.group(2) : m.group(3) == null ? "" : m.group(3);
            text = text.substring(0, m.start()) + chosen + text.substring(m.end());
            m = IF.matcher(text);
        }
        Matcher v = VAR.matcher(text);
        StringBuilder out = new StringBuilder();
        while (v.find()) {
            String name = v.group(1);
            String value = name.equals("score_range[0]") ? "0" : name.equals("score_range[1]") ? "10"
                    : call.getOrDefault(name, "");
            v.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        v.appendTail(out);
        return out.toString();
    }

    private static String sentencesJson(String text) {
        StringBuilder sb = new StringBuilder("[");
        String[] parts = text.split("(?<=\\.) ");
        for (int i = 0; i < parts.length; i++) {
            sb.append(i == 0 ? "" : ", ").append('"').append(parts[i]).append('"');
        }
        return sb.append(']').toString();
    }

    private static String verdictsJson(int n) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ", ").append("{\"verdict\": \"yes\", \"reason\": \"The context states it.\"}");
        }
        return sb.append(']').toString();
    }

    private static String turnsJson(String last) {
        StringBuilder sb = new StringBuilder("[");
        for (String[] t : TURNS) {
            sb.append(sb.length() == 1 ? "" : ", ").append("{\"role\": \"").append(t[0]).append("\", \"content\": \"")
                    .append(t[1]).append("\"}");
        }
        if (last != null) {
            sb.append(", {\"role\": \"assistant\", \"content\": \"").append(last).append("\"}");
        }
        return sb.append(']').toString();
    }

    private static String numbered(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            sb.append(i == 0 ? "" : "\n").append(i + 1).append(". ").append(lines.get(i));
        }
        return sb.toString();
    }
}
