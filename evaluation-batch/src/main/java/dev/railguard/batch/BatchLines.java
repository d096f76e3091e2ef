package dev.railguard.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.EvaluationStatus;
import dev.railguard.api.RunMode;
import dev.railguard.engine.Redaction;
import dev.railguard.format.DeepRailsCodec;
import dev.railguard.format.DeepRailsEntry;
import dev.railguard.format.DeepRailsEvent;
import dev.railguard.format.ResultLine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Batch runs' side of the JSON-lines formats: an input line to a request (through the one DeepRails codec,
 * {@link DeepRailsCodec} at {@link DeepRailsEntry#BATCH_LINE}), a result to a {@link ResultLine}, and results lines
 * back to a summary. {@link BatchEvaluator}, the HTML report and runners on other engines (Spark) go through it, so a
 * line means the same everywhere.
 */
public final class BatchLines {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

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
     * Parses one input line with the DeepRails codec; lines without {@code guardrail_metrics} or {@code run_mode} get
     * the defaults.
     *
     * @param lenient an unknown field is a warning instead of an error
     * @throws IllegalArgumentException with the reason the line cannot be evaluated, naming the field
     */
    public static Input parse(String line, List<String> defaultMetrics, RunMode defaultRunMode, boolean lenient) {
        DeepRailsEvent event = DeepRailsCodec.read(line, DeepRailsEntry.BATCH_LINE, lenient);
        return new Input(event.toRequest(defaultMetrics, defaultRunMode), event.id(), event.warnings());
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

    /** The results line of one evaluated event, secrets redacted ({@link Redaction}). */
    public static ResultLine record(int line, String hash, Input input, EvaluationResult result) {
        return ResultLine.of(line, hash, input.inputId(), input.warnings(), input.request(), result)
                .withTexts(Redaction::redact);
    }

    /** The summary of {@code records} (results lines) plus what only the run knows. */
    static BatchSummary summarize(Path resultsFile, int inputLines, List<ResultLine> records,
            int evaluatedNow, int resumed, List<BatchSummary.SkippedLine> skipped, Duration wall, boolean interrupted) {
        Map<String, int[]> counts = new TreeMap<>();       // pass, fail, error, skipped
        Map<String, double[]> sums = new TreeMap<>();      // score sum, scored count
        Map<String, int[]> histograms = new TreeMap<>();
        Map<String, int[]> tags = new TreeMap<>();         // events, passed, pass, fail, error, skipped
        Map<String, Integer> byJudge = new TreeMap<>();
        int passedEvents = 0;
        int failedEvents = 0;
        int failingEvents = 0;
        int partlyChecked = 0;
        long calls = 0;
        long hits = 0;
        long in = 0;
        long out = 0;
        long judgeMs = 0;
        double cost = 0;
        long cached = 0;
        double syncCost = 0;
        for (ResultLine r : records) {
            boolean passed = r.passed();
            passedEvents += passed ? 1 : 0;
            failedEvents += r.status() == EvaluationStatus.FAILED ? 1 : 0;
            String tag = r.nametag() != null ? r.nametag() : "(none)";
            int[] t = tags.computeIfAbsent(tag, k -> new int[6]);
            t[0]++;
            t[1] += passed ? 1 : 0;
            boolean failing = r.status() == EvaluationStatus.FAILED;
            boolean partly = false;
            for (Map.Entry<String, ResultLine.MetricLine> e : r.metrics().entrySet()) {
                int[] c = counts.computeIfAbsent(e.getKey(), k -> new int[4]);
                int idx = switch (e.getValue().verdict()) {
                    case PASS -> 0;
                    case FAIL -> 1;
                    case SKIPPED -> 3;
                    default -> 2;
                };
                failing |= idx == 1 || idx == 2;
                partly |= idx == 3;
                c[idx]++;
                t[2 + idx]++;
                Double score = e.getValue().score();
                if (score != null) {
                    double s = score;
                    double[] sum = sums.computeIfAbsent(e.getKey(), k -> new double[2]);
                    sum[0] += s;
                    sum[1]++;
                    histograms.computeIfAbsent(e.getKey(), k -> new int[10])[Math.min(9, (int) Math.floor(s * 10))]++;
                }
            }
            failingEvents += failing ? 1 : 0;
            partlyChecked += partly ? 1 : 0;
            calls += r.usage().judgeCalls();
            hits += r.usage().cacheHits();
            in += r.usage().inputTokens();
            out += r.usage().outputTokens();
            judgeMs += r.usage().judgeTime().toMillis();
            cost += r.usage().cost();
            cached += r.usage().cachedInputTokens();
            syncCost += r.usage().synchronousCost();
            r.usage().callsByJudge().forEach((judge, n) -> byJudge.merge(judge, n, Integer::sum));
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
                failedEvents, failingEvents, partlyChecked, metrics, nametags, (int) calls, (int) hits, in, out, cost, Duration.ofMillis(judgeMs),
                byJudge, skipped, wall, interrupted, cached, syncCost);
    }

    /** The summary as a JSON object text (for {@code summary.json} and the report). */
    public static String toJson(BatchSummary s) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(summaryNode(s));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the summary: " + e.getOriginalMessage(), e);
        }
    }

    private static ObjectNode summaryNode(BatchSummary s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("results_file", s.resultsFile().toString());
        o.put("input_lines", s.inputLines());
        o.put("events", s.events());
        o.put("evaluated_now", s.evaluatedNow());
        o.put("resumed", s.resumed());
        o.put("passed_events", s.passedEvents());
        o.put("failed_events", s.failedEvents());
        o.put("event_pass_rate", s.eventPassRate());
        o.put("failing_events", s.failingEvents());
        o.put("partly_checked_events", s.partlyCheckedEvents());
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
                .put("output_tokens", s.outputTokens()).put("cached_input_tokens", s.cachedInputTokens())
                .put("cost", s.cost()).put("synchronous_cost", s.synchronousCost())
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
