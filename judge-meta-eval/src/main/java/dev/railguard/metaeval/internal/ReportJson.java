package dev.railguard.metaeval.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.railguard.metaeval.ConfigurationResult;
import dev.railguard.metaeval.Disagreement;
import dev.railguard.engine.Redaction;
import dev.railguard.metaeval.Estimate;
import dev.railguard.metaeval.LabelledDataset;
import dev.railguard.metaeval.MetaEvaluationReport;
import dev.railguard.metaeval.MetricAgreement;
import dev.railguard.metaeval.ModeComparison;
import dev.railguard.metaeval.RunCost;
import java.util.List;

/** The JSON of a meta-evaluation report: snake_case keys, undefined figures as {@code null}. */
public final class ReportJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {}

    /** The report as a JSON document. */
    public static String render(MetaEvaluationReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("dataset", report.dataset());
        root.put("cases", report.cases());
        root.put("repeats", report.repeats());
        root.put("seed", report.seed());
        root.put("bootstrap_samples", report.bootstrapSamples());
        root.put("positive_class", "FAIL");
        ArrayNode configurations = root.putArray("configurations");
        for (ConfigurationResult c : report.configurations()) {
            ObjectNode o = configurations.addObject();
            o.put("panel", c.panel());
            o.put("mode", c.mode().wireName());
            o.put("repeats", c.repeats());
            ArrayNode metrics = o.putArray("metrics");
            for (MetricAgreement m : c.metrics()) {
                ObjectNode mo = metrics.addObject();
                mo.put("metric", m.metric());
                mo.put("cases", m.cases());
                mo.put("verdicts", m.verdicts());
                mo.put("unjudged", m.unjudged());
                mo.put("human_fail", m.humanFail());
                mo.put("human_pass", m.humanPass());
                ObjectNode confusion = mo.putObject("confusion");
                confusion.put("fail_caught", m.failCaught());
                confusion.put("false_alarms", m.falseAlarms());
                confusion.put("fail_missed", m.failMissed());
                confusion.put("pass_agreed", m.passAgreed());
                estimate(mo, "balanced_accuracy", m.balancedAccuracy());
                estimate(mo, "kappa", m.kappa());
                estimate(mo, "mcc", m.mcc());
                estimate(mo, "precision_fail", m.precisionFail());
                estimate(mo, "recall_fail", m.recallFail());
                estimate(mo, "flip_rate", m.flipRate());
                number(mo, "unstable_share", m.unstableShare());
                number(mo, "verifier_disagreement", m.verifierDisagreement());
                if (m.units().present()) {
                    ObjectNode units = mo.putObject("units");
                    units.put("labelled", m.units().labelled());
                    units.put("matched", m.units().matched());
                    units.put("fail_caught", m.units().failCaught());
                    units.put("false_alarms", m.units().falseAlarms());
                    units.put("fail_missed", m.units().failMissed());
                    units.put("pass_agreed", m.units().passAgreed());
                    estimate(units, "balanced_accuracy", m.units().balancedAccuracy());
                    estimate(units, "kappa", m.units().kappa());
                }
                ArrayNode errors = mo.putArray("error_samples");
                m.errorSamples().forEach(errors::add);
            }
            RunCost cost = c.cost();
            ObjectNode co = o.putObject("cost");
            co.put("evaluations", cost.evaluations());
            co.put("judge_calls", cost.judgeCalls());
            co.put("input_tokens", cost.inputTokens());
            co.put("output_tokens", cost.outputTokens());
            co.put("cost", cost.cost());
            number(co, "calls_per_evaluation", cost.callsPerEvaluation());
            number(co, "tokens_per_evaluation", cost.tokensPerEvaluation());
            number(co, "cost_per_evaluation", cost.costPerEvaluation());
            number(co, "latency_p50_ms", cost.p50Millis());
            number(co, "latency_p95_ms", cost.p95Millis());
            skipped(o, "skipped_cases", c.skippedCases());
            ArrayNode disagreements = o.putArray("disagreements");
            for (Disagreement d : c.disagreements()) {
                ObjectNode dn = disagreements.addObject();
                dn.put("case", d.caseId());
                dn.put("metric", d.metric());
                dn.put("kind", d.kind());
                dn.put("human", d.human().name());
                dn.put("repeat", d.repeat());
                dn.put("output", d.output());
                dn.put("rationale", Redaction.redact(d.rationale()));
            }
        }
        ArrayNode comparisons = root.putArray("comparisons");
        for (ModeComparison m : report.comparisons()) {
            ObjectNode o = comparisons.addObject();
            o.put("panel", m.panel());
            o.put("metric", m.metric());
            o.put("baseline", m.baseline().wireName());
            o.put("mode", m.mode().wireName());
            estimate(o, "balanced_accuracy_gain", m.balancedAccuracyGain());
            estimate(o, "flip_rate_change", m.flipRateChange());
            number(o, "call_ratio", m.callRatio());
            o.put("measurable_gain", m.measurableGain());
            o.put("conclusion", m.conclusion());
        }
        skipped(root, "skipped_records", report.skippedRecords());
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the report as JSON", e);
        }
    }

    private static void estimate(ObjectNode o, String name, Estimate e) {
        ObjectNode n = o.putObject(name);
        number(n, "value", e.value());
        number(n, "low", e.low());
        number(n, "high", e.high());
    }

    private static void number(ObjectNode o, String name, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            o.putNull(name);
        } else {
            o.put(name, v);
        }
    }

    private static void skipped(ObjectNode o, String name, List<LabelledDataset.Skipped> skipped) {
        ArrayNode a = o.putArray(name);
        for (LabelledDataset.Skipped s : skipped) {
            a.addObject().put("position", s.position()).put("reason", s.reason());
        }
    }
}
