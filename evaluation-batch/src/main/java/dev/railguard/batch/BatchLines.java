package dev.railguard.batch;

import dev.railguard.engine.Redaction;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.railguard.api.Diagnostic;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.MetricResult;
import dev.railguard.api.ModelInput;
import dev.railguard.api.RunMode;
import dev.railguard.api.UnitVerdict;
import dev.railguard.api.Usage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON-lines formats of batch runs: an input line (shaped like a DeepRails event) to a request, a result to an
 * output line, and output lines back to a summary. One place for the formats: {@link BatchEvaluator}, the HTML report
 * and runners on other engines (Spark) read and write lines through it, so a line means the same everywhere. The
 * strict schema of an input line is checked by the package's {@code InputLineParser}.
 */
public final class BatchLines {

    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private BatchLines() {}

    /** A parsed input line: the request, the extra fields echoed into the output, and warnings (lenient mode). */
    public record Input(EvaluationRequest request, String inputId, List<String> warnings) {
        /** An input without warnings. */
        public Input(EvaluationRequest request, String inputId) {
            this(request, inputId, List.of());
        }
    }

    /** Parses one input line strictly: an unknown field is an error. */
    public static Input parse(String line, List<String> defaultMetrics, RunMode defaultRunMode) {
        return parse(line, defaultMetrics, defaultRunMode, false);
    }

    /**
     * Parses one input line.
     *
     * @param lenient an unknown field is a warning instead of an error
     * @throws IllegalArgumentException with the reason the line cannot be evaluated, naming the field
     */
    public static Input parse(String line, List<String> defaultMetrics, RunMode defaultRunMode, boolean lenient) {
        return InputLineParser.parse(line, defaultMetrics, defaultRunMode, lenient);
    }

    /** SHA-256 of the line's text without surrounding white space, hex. */
    public static String hash(String line) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(line.strip().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * {@code node} with every text (and field name) made well-formed UTF-16, lone surrogates as U+FFFD, and secrets
     * redacted ({@link Redaction}): what goes into a results file.
     */
    static JsonNode wellFormed(JsonNode node) {
        if (node.isTextual()) {
            String s = node.textValue();
            String w = Redaction.redact(BatchInput.wellFormed(s));
            return w.equals(s) ? node : JSON.getNodeFactory().textNode(w);
        }
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            node.fields().forEachRemaining(e -> copy.set(BatchInput.wellFormed(e.getKey()), wellFormed(e.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            node.forEach(n -> copy.add(wellFormed(n)));
            return copy;
        }
        return node;
    }

    /** The output line of one evaluated event. */
    public static ObjectNode record(int line, String hash, Input input, EvaluationResult result) {
        EvaluationRequest request = input.request();
        ObjectNode o = JSON.createObjectNode();
        o.put("line", line);
        o.put("input_hash", hash);
        if (input.inputId() != null) {
            o.put("id", input.inputId());
        }
        o.put("event_id", result.eventId());
        o.put("status", result.status().wireName());
        o.put("passed", result.passed());
        o.put("outcome", outcome(result));
        if (request.nametag() == null) {
            o.putNull("nametag");
        } else {
            o.put("nametag", request.nametag());
        }
        o.put("run_mode", result.runMode().wireName());
        o.put("model_used", request.modelUsed());
        if (result.failure() != null) {
            o.put("error_message", result.failure());
        }
        ObjectNode eval = o.putObject("evaluation_result");
        ObjectNode units = JSON.createObjectNode();
        ObjectNode diagnostics = JSON.createObjectNode();
        for (MetricResult m : result.metrics().values()) {
            ObjectNode r = eval.putObject(m.metric());
            if (m.score().isPresent()) {
                r.put("score", m.score().getAsDouble());
            } else {
                r.putNull("score");
            }
            r.put("rationale", m.rationale());
            r.put("threshold", m.threshold());
            r.put("verdict", m.verdict().wireName());
            if (!m.units().isEmpty()) {
                ArrayNode us = units.putArray(m.metric());
                for (UnitVerdict u : m.units()) {
                    ObjectNode un = us.addObject();
                    un.put("text", u.text());
                    un.put("kind", u.kind());
                    un.put("label", u.label());
                    un.put("verdict", u.verdictLetter());
                    un.put("confidence", u.confidence().name().toLowerCase());
                    un.put("judge", u.judge());
                    un.put("reason", u.reason());
                    if (u.disputed()) {
                        un.put("disputed", true);
                    }
                }
            }
            if (!m.diagnostics().isEmpty()) {
                ArrayNode ds = diagnostics.putArray(m.metric());
                for (Diagnostic d : m.diagnostics()) {
                    ds.addObject().put("severity", d.severity().name().toLowerCase()).put("message", d.message());
                }
            }
        }
        o.set("units", units);
        o.set("diagnostics", diagnostics);
        o.set("usage", usage(result.usage()));
        o.put("elapsed_ms", result.elapsed().toMillis());
        ModelInput in = request.modelInput();
        o.put("user_prompt", in.userPrompt() != null && !in.userPrompt().isBlank() ? in.userPrompt() : in.systemPrompt());
        if (in.groundTruthIfPresent().isPresent()) {
            o.put("ground_truth", in.groundTruth());
        }
        o.put("model_output", request.modelOutput());
        if (!input.warnings().isEmpty()) {
            ArrayNode w = o.putArray("warnings");
            input.warnings().forEach(w::add);
        }
        return o;
    }

    /** {@code fail} if a metric failed, else {@code error}, else {@code incomplete} (skipped metrics), else pass. */
    public static String outcome(EvaluationResult result) {
        if (result.status() != dev.railguard.api.EvaluationStatus.COMPLETED) {
            return "error";
        }
        boolean error = false;
        boolean skipped = false;
        for (MetricResult m : result.metrics().values()) {
            switch (m.verdict()) {
                case FAIL -> {
                    return "fail";
                }
                case ERROR -> error = true;
                case SKIPPED -> skipped = true;
                default -> { }
            }
        }
        return error ? "error" : skipped ? "incomplete" : "pass";
    }

    public static ObjectNode usage(Usage u) {
        ObjectNode n = JSON.createObjectNode();
        n.put("judge_calls", u.judgeCalls());
        n.put("cache_hits", u.cacheHits());
        n.put("input_tokens", u.inputTokens());
        n.put("output_tokens", u.outputTokens());
        n.put("judge_time_ms", u.judgeTime().toMillis());
        n.put("cost", u.cost());
        ObjectNode byJudge = n.putObject("calls_by_judge");
        new TreeMap<>(u.callsByJudge()).forEach(byJudge::put);
        return n;
    }

    /** The summary of {@code records} (output lines) plus what only the run knows. */
    static BatchSummary summarize(java.nio.file.Path resultsFile, int inputLines, List<JsonNode> records,
            int evaluatedNow, int resumed, List<BatchSummary.SkippedLine> skipped, Duration wall, boolean interrupted) {
        Map<String, int[]> counts = new TreeMap<>();       // pass, fail, error, skipped
        Map<String, double[]> sums = new TreeMap<>();      // score sum, scored count
        Map<String, int[]> histograms = new TreeMap<>();
        Map<String, int[]> tags = new TreeMap<>();         // events, passed, pass, fail, error, skipped
        Map<String, Integer> byJudge = new TreeMap<>();
        int passedEvents = 0;
        int failedEvents = 0;
        long calls = 0;
        long hits = 0;
        long in = 0;
        long out = 0;
        long judgeMs = 0;
        double cost = 0;
        for (JsonNode r : records) {
            boolean passed = r.path("passed").asBoolean(false);
            passedEvents += passed ? 1 : 0;
            failedEvents += "failed".equals(r.path("status").asText()) ? 1 : 0;
            String tag = r.path("nametag").isTextual() ? r.path("nametag").asText() : "(none)";
            int[] t = tags.computeIfAbsent(tag, k -> new int[6]);
            t[0]++;
            t[1] += passed ? 1 : 0;
            for (Iterator<Map.Entry<String, JsonNode>> it = r.path("evaluation_result").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                int[] c = counts.computeIfAbsent(e.getKey(), k -> new int[4]);
                int idx = switch (e.getValue().path("verdict").asText()) {
                    case "pass" -> 0;
                    case "fail" -> 1;
                    case "skipped" -> 3;
                    default -> 2;
                };
                c[idx]++;
                t[2 + idx]++;
                JsonNode score = e.getValue().get("score");
                if (score != null && score.isNumber()) {
                    double s = score.asDouble();
                    double[] sum = sums.computeIfAbsent(e.getKey(), k -> new double[2]);
                    sum[0] += s;
                    sum[1]++;
                    histograms.computeIfAbsent(e.getKey(), k -> new int[10])[Math.min(9, (int) Math.floor(s * 10))]++;
                }
            }
            JsonNode u = r.path("usage");
            calls += u.path("judge_calls").asLong();
            hits += u.path("cache_hits").asLong();
            in += u.path("input_tokens").asLong();
            out += u.path("output_tokens").asLong();
            judgeMs += u.path("judge_time_ms").asLong();
            cost += u.path("cost").asDouble();
            for (Iterator<Map.Entry<String, JsonNode>> it = u.path("calls_by_judge").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                byJudge.merge(e.getKey(), e.getValue().asInt(), Integer::sum);
            }
        }
        Map<String, BatchSummary.MetricStats> metrics = new TreeMap<>();
        counts.forEach((name, c) -> {
            double[] sum = sums.getOrDefault(name, new double[2]);
            int[] h = histograms.getOrDefault(name, new int[10]);
            List<Integer> hist = new ArrayList<>();
            for (int v : h) {
                hist.add(v);
            }
            metrics.put(name, new BatchSummary.MetricStats(c[0], c[1], c[2], c[3],
                    sum[1] == 0 ? Double.NaN : sum[0] / sum[1], hist));
        });
        Map<String, BatchSummary.NametagStats> nametags = new TreeMap<>();
        tags.forEach((tag, t) -> nametags.put(tag, new BatchSummary.NametagStats(t[0], t[1], t[2], t[3], t[4], t[5])));
        return new BatchSummary(resultsFile, inputLines, records.size(), evaluatedNow, resumed, passedEvents,
                failedEvents, metrics, nametags, (int) calls, (int) hits, in, out, cost, Duration.ofMillis(judgeMs),
                byJudge, skipped, wall, interrupted);
    }

    /** The summary as a JSON object (for {@code summary.json} and the report). */
    public static ObjectNode toJson(BatchSummary s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("results_file", s.resultsFile().toString());
        o.put("input_lines", s.inputLines());
        o.put("events", s.events());
        o.put("evaluated_now", s.evaluatedNow());
        o.put("resumed", s.resumed());
        o.put("passed_events", s.passedEvents());
        o.put("failed_events", s.failedEvents());
        o.put("event_pass_rate", s.eventPassRate());
        o.put("metric_errors", s.metricErrors());
        ObjectNode metrics = o.putObject("metrics");
        s.metrics().forEach((name, m) -> {
            ObjectNode n = metrics.putObject(name);
            n.put("pass", m.pass()).put("fail", m.fail()).put("error", m.error()).put("skipped", m.skipped());
            putNumber(n, "pass_rate", m.passRate());
            putNumber(n, "mean_score", m.meanScore());
            ArrayNode h = n.putArray("histogram");
            m.histogram().forEach(h::add);
        });
        ObjectNode tags = o.putObject("nametags");
        s.nametags().forEach((name, t) -> {
            ObjectNode n = tags.putObject(name);
            n.put("events", t.events()).put("passed", t.passed()).put("pass", t.pass()).put("fail", t.fail())
                    .put("error", t.error()).put("skipped", t.skipped());
            putNumber(n, "pass_rate", t.passRate());
        });
        ObjectNode usage = o.putObject("usage");
        usage.put("judge_calls", s.judgeCalls()).put("cache_hits", s.cacheHits()).put("input_tokens", s.inputTokens())
                .put("output_tokens", s.outputTokens()).put("cost", s.cost())
                .put("judge_time_ms", s.judgeTime().toMillis());
        ObjectNode byJudge = usage.putObject("calls_by_judge");
        s.callsByJudge().forEach(byJudge::put);
        ArrayNode skipped = o.putArray("skipped_lines");
        for (BatchSummary.SkippedLine l : s.skippedLines()) {
            skipped.addObject().put("line", l.line()).put("reason", Redaction.redact(l.reason()));
        }
        o.put("wall_time_ms", s.wallTime().toMillis());
        o.put("interrupted", s.interrupted());
        return o;
    }

    private static void putNumber(ObjectNode n, String field, double v) {
        if (Double.isNaN(v)) {
            n.putNull(field);
        } else {
            n.put(field, v);
        }
    }
}
