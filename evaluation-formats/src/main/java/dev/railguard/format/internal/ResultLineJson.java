package dev.railguard.format.internal;

import static dev.railguard.format.internal.StrictJson.get;
import static dev.railguard.format.internal.StrictJson.integer;
import static dev.railguard.format.internal.StrictJson.number;
import static dev.railguard.format.internal.StrictJson.text;
import static dev.railguard.format.internal.StrictJson.wrong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.railguard.api.EvaluationStatus;
import dev.railguard.api.RunMode;
import dev.railguard.api.Usage;
import dev.railguard.api.Verdict;
import dev.railguard.format.ResultLine;
import dev.railguard.format.ResultLine.DiagnosticLine;
import dev.railguard.format.ResultLine.MetricLine;
import dev.railguard.format.ResultLine.UnitLine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** The JSON of a {@link ResultLine}: written in one key order, read strictly. */
public final class ResultLineJson {

    private static final Set<String> KEYS = Set.of("line", "input_hash", "id", "event_id", "status", "passed",
            "outcome", "nametag", "run_mode", "model_used", "error_message", "evaluation_result", "units",
            "diagnostics", "usage", "elapsed_ms", "user_prompt", "ground_truth", "model_output", "warnings");
    private static final Set<String> METRIC_KEYS = Set.of("score", "rationale", "threshold", "verdict");
    private static final Set<String> UNIT_KEYS = Set.of("text", "kind", "label", "verdict", "confidence", "judge",
            "reason", "disputed");
    private static final Set<String> DIAGNOSTIC_KEYS = Set.of("severity", "message");
    private static final Set<String> USAGE_KEYS = Set.of("judge_calls", "cache_hits", "input_tokens", "output_tokens",
            "judge_time_ms", "cost", "calls_by_judge", "cached_input_tokens", "synchronous_cost");

    private ResultLineJson() {}

    /** {@code r} with {@code f} applied to every text. */
    public static ResultLine mapTexts(ResultLine r, UnaryOperator<String> f) {
        UnaryOperator<String> g = s -> s == null ? null : f.apply(s);
        Map<String, MetricLine> metrics = new LinkedHashMap<>();
        r.metrics().forEach((k, m) -> metrics.put(k, new MetricLine(m.score(), g.apply(m.rationale()), m.threshold(),
                m.verdict())));
        Map<String, List<UnitLine>> units = new LinkedHashMap<>();
        r.units().forEach((k, us) -> units.put(k, us.stream().map(u -> new UnitLine(g.apply(u.text()), u.kind(),
                u.label(), u.verdict(), u.confidence(), u.judge(), g.apply(u.reason()), u.disputed())).toList()));
        Map<String, List<DiagnosticLine>> diagnostics = new LinkedHashMap<>();
        r.diagnostics().forEach((k, ds) -> diagnostics.put(k, ds.stream()
                .map(d -> new DiagnosticLine(d.severity(), g.apply(d.message()))).toList()));
        return new ResultLine(r.line(), r.inputHash(), g.apply(r.id()), r.eventId(), r.status(), r.passed(),
                r.outcome(), g.apply(r.nametag()), r.runMode(), g.apply(r.modelUsed()), g.apply(r.errorMessage()),
                metrics, units, diagnostics, r.usage(), r.elapsedMs(), g.apply(r.userPrompt()),
                g.apply(r.groundTruth()), g.apply(r.modelOutput()), r.warnings().stream().map(g).toList());
    }

    /** One line of JSON, every text well-formed. */
    public static String write(ResultLine r) {
        ResultLine w = mapTexts(r, StrictJson::wellFormed);
        ObjectNode o = StrictJson.MAPPER.createObjectNode();
        o.put("line", w.line());
        o.put("input_hash", w.inputHash());
        if (w.id() != null) {
            o.put("id", w.id());
        }
        o.put("event_id", w.eventId());
        o.put("status", w.status().wireName());
        o.put("passed", w.passed());
        o.put("outcome", w.outcome());
        o.put("nametag", w.nametag());
        o.put("run_mode", w.runMode() == null ? null : w.runMode().wireName());
        o.put("model_used", w.modelUsed());
        if (w.errorMessage() != null) {
            o.put("error_message", w.errorMessage());
        }
        ObjectNode eval = o.putObject("evaluation_result");
        w.metrics().forEach((name, m) -> {
            ObjectNode n = eval.putObject(StrictJson.wellFormed(name));
            n.put("score", m.score());
            n.put("rationale", m.rationale());
            n.put("threshold", m.threshold());
            n.put("verdict", m.verdict().wireName());
        });
        ObjectNode units = o.putObject("units");
        w.units().forEach((name, us) -> {
            ArrayNode a = units.putArray(StrictJson.wellFormed(name));
            for (UnitLine u : us) {
                ObjectNode n = a.addObject().put("text", u.text()).put("kind", u.kind()).put("label", u.label())
                        .put("verdict", u.verdict()).put("confidence", u.confidence()).put("judge", u.judge())
                        .put("reason", u.reason());
                if (u.disputed()) {
                    n.put("disputed", true);
                }
            }
        });
        ObjectNode diagnostics = o.putObject("diagnostics");
        w.diagnostics().forEach((name, ds) -> {
            ArrayNode a = diagnostics.putArray(StrictJson.wellFormed(name));
            ds.forEach(d -> a.addObject().put("severity", d.severity()).put("message", d.message()));
        });
        o.set("usage", usage(w.usage()));
        o.put("elapsed_ms", w.elapsedMs());
        o.put("user_prompt", w.userPrompt());
        if (w.groundTruth() != null) {
            o.put("ground_truth", w.groundTruth());
        }
        o.put("model_output", w.modelOutput());
        if (!w.warnings().isEmpty()) {
            ArrayNode a = o.putArray("warnings");
            w.warnings().forEach(a::add);
        }
        try {
            return StrictJson.MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write a results line: " + e.getOriginalMessage(), e);
        }
    }

    /** The {@code usage} object of a results line (also the usage of a summary). */
    public static ObjectNode usage(Usage u) {
        ObjectNode n = StrictJson.MAPPER.createObjectNode();
        n.put("judge_calls", u.judgeCalls());
        n.put("cache_hits", u.cacheHits());
        n.put("input_tokens", u.inputTokens());
        n.put("output_tokens", u.outputTokens());
        n.put("judge_time_ms", u.judgeTime().toMillis());
        n.put("cost", u.cost());
        if (u.cachedInputTokens() != 0 || u.synchronousCost() != u.cost()) {
            // only where a batch API or a prompt cache made a difference: synchronous lines keep their layout
            n.put("cached_input_tokens", u.cachedInputTokens());
            n.put("synchronous_cost", u.synchronousCost());
        }
        ObjectNode byJudge = n.putObject("calls_by_judge");
        new TreeMap<>(u.callsByJudge()).forEach(byJudge::put);
        return n;
    }

    /** Reads one results line strictly. */
    public static ResultLine read(String json) {
        JsonNode o = StrictJson.object(json, "a results line");
        StrictJson.known(o, KEYS, "", null);
        if (get(o, "event_id") == null || get(o, "line") == null) {
            throw new IllegalArgumentException("a results line must have line and event_id, but had: "
                    + fieldNames(o) + "; it is not a line of a results.jsonl file written by a batch run");
        }
        Map<String, MetricLine> metrics = new LinkedHashMap<>();
        JsonNode eval = StrictJson.object(o, "evaluation_result", "evaluation_result");
        if (eval != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = eval.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String path = "evaluation_result." + e.getKey();
                JsonNode m = e.getValue();
                if (!m.isObject()) {
                    throw wrong(path, "an object {score, rationale, threshold, verdict}", m);
                }
                StrictJson.known(m, METRIC_KEYS, path, null);
                JsonNode score = get(m, "score");
                if (score != null && !score.isNumber()) {
                    throw wrong(path + ".score", "a number or null", score);
                }
                metrics.put(e.getKey(), new MetricLine(score == null ? null : score.doubleValue(),
                        text(m, "rationale", path + ".rationale"), number(m, "threshold", path + ".threshold", 0),
                        lookup(Verdict.values(), Verdict::wireName, text(m, "verdict", path + ".verdict"),
                                path + ".verdict")));
            }
        }
        Map<String, List<UnitLine>> units = byMetric(o, "units", UNIT_KEYS, (n, p) -> new UnitLine(
                text(n, "text", p + ".text"), text(n, "kind", p + ".kind"), text(n, "label", p + ".label"),
                text(n, "verdict", p + ".verdict"), text(n, "confidence", p + ".confidence"),
                text(n, "judge", p + ".judge"), text(n, "reason", p + ".reason"),
                StrictJson.bool(n, "disputed", p + ".disputed", false)));
        Map<String, List<DiagnosticLine>> diagnostics = byMetric(o, "diagnostics", DIAGNOSTIC_KEYS,
                (n, p) -> new DiagnosticLine(text(n, "severity", p + ".severity"), text(n, "message", p + ".message")));
        String runMode = text(o, "run_mode", "run_mode");
        return new ResultLine((int) integer(o, "line", "line", 0), text(o, "input_hash", "input_hash"),
                text(o, "id", "id"), text(o, "event_id", "event_id"),
                lookup(EvaluationStatus.values(), EvaluationStatus::wireName, text(o, "status", "status"), "status"),
                StrictJson.bool(o, "passed", "passed", false), text(o, "outcome", "outcome"),
                text(o, "nametag", "nametag"), runMode == null ? null : RunMode.fromWireName(runMode),
                text(o, "model_used", "model_used"), text(o, "error_message", "error_message"), metrics, units,
                diagnostics, readUsage(o), integer(o, "elapsed_ms", "elapsed_ms", 0),
                text(o, "user_prompt", "user_prompt"), text(o, "ground_truth", "ground_truth"),
                text(o, "model_output", "model_output"), StrictJson.strings(o, "warnings", "warnings"));
    }

    private interface ElementReader<T> {
        T read(JsonNode node, String path);
    }

    private static <T> Map<String, List<T>> byMetric(JsonNode o, String key, Set<String> keys, ElementReader<T> r) {
        Map<String, List<T>> out = new LinkedHashMap<>();
        JsonNode all = StrictJson.object(o, key, key);
        if (all == null) {
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = all.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = key + "." + e.getKey();
            if (!e.getValue().isArray()) {
                throw wrong(path, "an array of objects", e.getValue());
            }
            List<T> list = new ArrayList<>();
            for (int i = 0; i < e.getValue().size(); i++) {
                JsonNode n = e.getValue().get(i);
                String p = path + "[" + i + "]";
                if (!n.isObject()) {
                    throw wrong(p, "an object", n);
                }
                StrictJson.known(n, keys, p, null);
                list.add(r.read(n, p));
            }
            out.put(e.getKey(), list);
        }
        return out;
    }

    private static Usage readUsage(JsonNode o) {
        JsonNode u = StrictJson.object(o, "usage", "usage");
        if (u == null) {
            return Usage.NONE;
        }
        StrictJson.known(u, USAGE_KEYS, "usage", null);
        Map<String, Integer> byJudge = new TreeMap<>();
        JsonNode calls = StrictJson.object(u, "calls_by_judge", "usage.calls_by_judge");
        if (calls != null) {
            calls.fieldNames().forEachRemaining(judge -> byJudge.put(judge,
                    (int) integer(calls, judge, "usage.calls_by_judge." + judge, 0)));
        }
        double cost = number(u, "cost", "usage.cost", 0);
        // lines written before batch prices have neither field: no cached tokens, billed at the synchronous price
        return new Usage((int) integer(u, "judge_calls", "usage.judge_calls", 0),
                (int) integer(u, "cache_hits", "usage.cache_hits", 0),
                integer(u, "input_tokens", "usage.input_tokens", 0),
                integer(u, "output_tokens", "usage.output_tokens", 0),
                Duration.ofMillis(integer(u, "judge_time_ms", "usage.judge_time_ms", 0)),
                cost, byJudge, integer(u, "cached_input_tokens", "usage.cached_input_tokens", 0),
                number(u, "synchronous_cost", "usage.synchronous_cost", cost));
    }

    private static <E> E lookup(E[] values, Function<E, String> wire, String name, String path) {
        for (E v : values) {
            if (wire.apply(v).equals(name)) {
                return v;
            }
        }
        throw new IllegalArgumentException(path + " must be one of " + Arrays.stream(values).map(wire).toList()
                + ", but was: " + (name == null ? "missing" : "'" + name + "'"));
    }

    private static List<String> fieldNames(JsonNode o) {
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
