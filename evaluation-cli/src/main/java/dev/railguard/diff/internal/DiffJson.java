package dev.railguard.diff.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.railguard.diff.DiffEvent;
import dev.railguard.diff.DiffResult;

/** A diff result as JSON: what {@code railguard diff --json} prints. NaN becomes null. */
public final class DiffJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DiffJson() {}

    /** The result as an indented JSON document. */
    public static String write(DiffResult d) {
        ObjectNode o = JSON.createObjectNode();
        o.put("base_events", d.baseEvents()).put("new_events", d.candidateEvents()).put("paired", d.paired());
        o.put("regression", d.hasRegression());
        ObjectNode s = o.putObject("settings");
        s.put("alpha", d.settings().alpha()).put("min_effect", d.settings().minEffect())
                .put("confidence", d.settings().confidence()).put("resamples", d.settings().resamples())
                .put("seed", d.settings().seed());
        ArrayNode metrics = o.putArray("metrics");
        for (DiffResult.MetricDiff m : d.metrics()) {
            ObjectNode n = metrics.addObject();
            n.put("metric", m.metric()).put("pairs", m.pairs());
            num(n, "base_pass_rate", m.basePassRate());
            num(n, "new_pass_rate", m.newPassRate());
            num(n, "delta", m.delta());
            interval(n, "delta_ci", m.deltaInterval());
            n.put("pass_to_fail", m.passToFail()).put("fail_to_pass", m.failToPass());
            num(n, "mcnemar_p", m.mcnemarP());
            n.put("scored_pairs", m.scoredPairs());
            num(n, "mean_score_delta", m.meanScoreDelta());
            interval(n, "mean_score_delta_ci", m.scoreInterval());
            n.put("regression", m.regression()).put("error_pairs", m.errorPairs());
            ArrayNode flips = n.putArray("flips");
            for (DiffResult.Flip f : m.flips()) {
                ObjectNode fn = flips.addObject();
                fn.put("key", f.key()).put("direction", f.regressed() ? "pass_to_fail" : "fail_to_pass")
                        .put("base_line", f.base().line()).put("new_line", f.candidate().line());
                outcome(fn.putObject("base"), f.baseOutcome());
                outcome(fn.putObject("new"), f.candidateOutcome());
            }
        }
        ArrayNode unpaired = o.putArray("unpaired");
        d.unpaired().forEach(u -> unpaired.addObject().put("run", u.run()).put("line", u.line()).put("key", u.key()));
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the diff as JSON", e);
        }
    }

    private static void outcome(ObjectNode n, DiffEvent.Outcome o) {
        n.put("verdict", o.verdict());
        if (o.score() == null) {
            n.putNull("score");
        } else {
            n.put("score", o.score());
        }
        n.put("rationale", o.rationale());
    }

    private static void interval(ObjectNode n, String field, DiffResult.Interval i) {
        ArrayNode a = n.putArray(field);
        for (double v : new double[] {i.low(), i.high()}) {
            if (Double.isNaN(v)) {
                a.addNull();
            } else {
                a.add(v);
            }
        }
    }

    private static void num(ObjectNode n, String field, double v) {
        if (Double.isNaN(v)) {
            n.putNull(field);
        } else {
            n.put(field, v);
        }
    }
}
