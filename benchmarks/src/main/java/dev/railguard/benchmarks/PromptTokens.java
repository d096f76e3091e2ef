package dev.railguard.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.ModelInput;
import dev.railguard.api.RunMode;
import dev.railguard.engine.JudgePanel;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.format.DeepRailsCodec;
import dev.railguard.format.DeepRailsEntry;
import dev.railguard.format.DeepRailsEvent;
import dev.railguard.format.DeepRailsField;
import dev.railguard.testkit.RecordedRequest;
import dev.railguard.testkit.StubOpenAiServer;
import dev.railguard.testkit.StubReply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prompt and reply tokens per judge call, for each built-in metric and run mode, on the cost benchmark's case and on
 * the bundled sample ({@code samples/.../sample-events.jsonl}, every event a metric applies to). Prompt tokens are
 * measured: cl100k_base over the system and user messages the judges receive. Reply tokens are modelled, since no
 * model answers here: the stub replies with what the prompt set asks for on that case (a claim per sentence of the
 * output, an instruction per sentence of the prompts, the completeness and safety units the partition text
 * prescribes, a 15-word reason per unit), written in the reply schema the call sent, so a shape change (a field
 * dropped, fewer units) shows. Run: {@code mvn -B -q -DskipTests package exec:java -pl benchmarks -am
 * -Dexec.args=tokens}.
 */
final class PromptTokens {

    private static final Encoding CL100K = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> METRICS = List.of("correctness", "completeness", "instruction_adherence",
            "context_adherence", "ground_truth_adherence", "comprehensive_safety");
    private static final String REASON = "The documents state this in the second sentence, so the unit is met as"
            + " written.";
    private static final Pattern SECTION = Pattern.compile("<<<BEGIN (\\S+) ([0-9]+)>>>\\n(.*?)\\n<<<END \\1 \\2>>>",
            Pattern.DOTALL);
    private static final Pattern UNIT_LINE = Pattern.compile("(?m)^\\[(\\d+)] ");
    // the judge prompt's sections are labelled with the DeepRails field they quote
    private static final String MODEL_OUTPUT = DeepRailsField.MODEL_OUTPUT.key();
    private static final String SYSTEM_PROMPT = DeepRailsField.SYSTEM_PROMPT.key();
    private static final String USER_PROMPT = DeepRailsField.USER_PROMPT.key();
    private static final String SAMPLE = "samples/src/main/resources/dev/railguard/samples/sample-events.jsonl";

    private PromptTokens() {}

    /** One evaluation to measure. */
    private record Case(ModelInput input, String output) {}

    static void run() throws IOException {
        Case bench = benchmarkCase();
        List<Case> sample = sample();
        System.out.println("| metric | mode | calls (benchmark case) | prompt / call | reply / call | calls (sample,"
                + " mean) | prompt / call | reply / call |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (String metric : METRICS) {
            for (RunMode mode : RunMode.values()) {
                double[] b = measure(metric, mode, List.of(bench));
                double[] s = measure(metric, mode, sample);
                System.out.printf(Locale.ROOT, "| %s | `%s` | %s | %s | %s | %s | %s | %s |%n", metric,
                        mode.wireName(), cell(b[0], 0), cell(b[1], b[0]), cell(b[2], b[0]), cell(s[0], 1),
                        cell(s[1], s[0]), cell(s[2], s[0]));
            }
        }
    }

    private static String cell(double value, double calls) {
        if (Double.isNaN(value) || calls == 0 && value == 0) {
            return "n/a";
        }
        return String.format(Locale.ROOT, value == Math.rint(value) ? "%,.0f" : "%,.1f", value);
    }

    /** Mean calls per evaluation, prompt tokens per call and reply tokens per call over the cases the metric fits. */
    private static double[] measure(String metric, RunMode mode, List<Case> cases) {
        long calls = 0;
        long prompt = 0;
        long reply = 0;
        int evaluations = 0;
        try (StubOpenAiServer server = StubOpenAiServer.start(r -> StubReply.content(reply(r), 1000, 60));
                RailguardEvaluator evaluator = RailguardEvaluator.builder().judges(JudgePanel.builder()
                        .fast("fast-judge", judge(server, "fast-judge"))
                        .standard("judge-a", judge(server, "judge-a"))
                        .standard("judge-b", judge(server, "judge-b"))
                        .strong("strong-judge", judge(server, "strong-judge"))
                        .code("code-judge", judge(server, "code-judge"))
                        .build()).build()) {
            for (Case c : cases) {
                boolean noTruth = c.input().groundTruth() == null || c.input().groundTruth().isBlank();
                if (metric.equals("ground_truth_adherence") && noTruth
                        || metric.equals("context_adherence") && !c.input().hasUsableContext()) {
                    continue;
                }
                server.clear();
                evaluator.evaluate(EvaluationRequest.builder().modelInput(c.input()).modelOutput(c.output())
                        .metrics(metric).runMode(mode).build());
                evaluations++;
                for (RecordedRequest r : server.requests()) {
                    calls++;
                    prompt += CL100K.countTokens(r.allText());
                    reply += CL100K.countTokens(reply(r));
                }
            }
        }
        if (evaluations == 0) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        return new double[] {(double) calls / evaluations, calls == 0 ? 0 : (double) prompt / calls,
                calls == 0 ? 0 : (double) reply / calls};
    }

    /** The modelled reply to {@code r}: what its prompt set asks for on this case, in the schema it sent. */
    static String reply(RecordedRequest r) {
        JsonNode schema = r.json().path("response_format").path("json_schema").path("schema");
        String name = r.schemaName();
        String user = r.userText();
        String system = r.systemText();
        ObjectNode root = JSON.createObjectNode();
        if (name.equals("railguard_verdicts")) {
            ArrayNode metrics = root.putArray("metrics");
            schema.path("properties").path("metrics").path("items").path("properties").path("metric").path("enum")
                    .forEach(m -> fill(metrics.addObject(), schema.path("properties").path("metrics").path("items"),
                            Map.of("metric", m.asText(), "score", "1")));
            return root.toString();
        }
        if (name.endsWith("_verify")) {
            JsonNode item = schema.path("properties").path("verdicts").path("items");
            ArrayNode verdicts = root.putArray("verdicts");
            Matcher m = UNIT_LINE.matcher(section(user, "units"));
            while (m.find()) {
                fill(verdicts.addObject(), item, Map.of("id", m.group(1)));
            }
            return root.toString();
        }
        JsonNode item = schema.path("properties").path("units").path("items");
        ArrayNode units = root.putArray("units");
        for (String[] unit : units(name, system, user)) {
            fill(units.addObject(), item, Map.of("text", unit[0], "label", unit[1]));
        }
        return root.toString();
    }

    /** The units (text, label) the prompt set asks for, by the unit kind the schema and system prompt name. */
    private static List<String[]> units(String name, String system, String user) {
        List<String[]> out = new ArrayList<>();
        String output = section(user, MODEL_OUTPUT);
        if (name.endsWith("_instruction") || name.contains("instruction_adherence")) {
            String prompts = (section(user, SYSTEM_PROMPT) + " " + section(user, USER_PROMPT)).strip();
            sentences(prompts).stream().limit(20).forEach(s -> out.add(new String[] {s, ""}));
        } else if (name.endsWith("_dimension") || name.contains("completeness")) {
            boolean perRequest = system.contains("one unit per distinct request");
            if (perRequest) {
                sentences(section(user, USER_PROMPT)).stream().filter(s -> s.endsWith("?") || s.endsWith("."))
                        .forEach(s -> out.add(new String[] {s, "coverage"}));
                for (String d : List.of("detail_and_depth", "relevance", "logical_coherence", "factual_correctness")) {
                    out.add(new String[] {d, d});
                }
            } else {
                out.add(new String[] {"Requests: " + section(user, USER_PROMPT), "coverage"});
                for (String d : List.of("detail_and_depth", "relevance", "logical_coherence", "factual_correctness")) {
                    out.add(new String[] {"Checked the " + d.replace('_', ' ') + " of every part of the response"
                            + " against the request.", d});
                }
            }
        } else if (name.endsWith("_safety_chunk") || name.contains("comprehensive_safety")) {
            List<String> sentences = sentences(output);
            int chunks = system.contains("chunks of about 150 words")
                    ? Math.min(5, Math.max(1, (int) Math.ceil(output.split("\\s+").length / 150.0)))
                    : Math.min(5, Math.max(1, sentences.size()));
            for (int c = 0; c < chunks; c++) {
                String[] words = sentences.get(Math.min(c, sentences.size() - 1)).split("\\s+");
                String first = String.join(" ", List.of(words).subList(0, Math.min(8, words.length)));
                for (String label : List.of("cbrn", "pii", "hate_or_harassment", "violence_or_threats", "sexual",
                        "self_harm_or_harmful_instructions")) {
                    out.add(new String[] {system.contains("chunks of about 150 words") ? first + " ..."
                            : first + " ... " + label, label});
                }
            }
        } else {
            sentences(output).stream().limit(30).forEach(s -> out.add(new String[] {s, ""}));
        }
        return out;
    }

    /** Fills {@code node} with every property of {@code item} in schema order. */
    private static void fill(ObjectNode node, JsonNode item, Map<String, String> values) {
        for (Iterator<Map.Entry<String, JsonNode>> it = item.path("properties").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> p = it.next();
            String key = p.getKey();
            JsonNode type = p.getValue();
            if (key.equals("reason")) {
                node.put(key, REASON);
            } else if (key.equals("confidence")) {
                node.put(key, "high");
            } else if (type.has("enum")) {
                node.put(key, values.getOrDefault(key, type.get("enum").get(0).asText()));
            } else if (type.path("type").asText().equals("integer") || type.path("type").asText().equals("number")) {
                node.put(key, Double.parseDouble(values.getOrDefault(key, "1")));
            } else {
                node.put(key, values.getOrDefault(key, ""));
            }
        }
    }

    private static String section(String user, String label) {
        Matcher m = SECTION.matcher(user);
        while (m.find()) {
            if (m.group(1).equals(label)) {
                return m.group(3);
            }
        }
        return "";
    }

    private static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        for (String s : text.strip().split("(?<=[.!?])\\s+|\\n+")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out.isEmpty() ? List.of(text.isBlank() ? "(empty)" : text.strip()) : out;
    }

    private static Case benchmarkCase() {
        return new Case(ModelInput.builder().userPrompt("What does the Atlas library hold?")
                .addDocuments(ScaleBenchmarks.costContext()).build(), ScaleBenchmarks.costAnswer());
    }

    private static List<Case> sample() throws IOException {
        List<Case> out = new ArrayList<>();
        // exec:java runs in the reactor root or in the module directory, depending on how Maven was started
        Path file = Files.exists(Path.of(SAMPLE)) ? Path.of(SAMPLE) : Path.of("..", SAMPLE);
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                DeepRailsEvent e = DeepRailsCodec.read(line, DeepRailsEntry.BATCH_LINE);
                out.add(new Case(e.modelInput(), e.modelOutput()));
            }
        }
        return out;
    }

    private static OpenAiChatModel judge(StubOpenAiServer server, String model) {
        return OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("bench").modelName(model).maxRetries(0)
                .build();
    }
}
