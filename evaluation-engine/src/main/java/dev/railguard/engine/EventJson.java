package dev.railguard.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.railguard.api.ContextMessage;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.MetricResult;
import dev.railguard.api.ModelInput;
import dev.railguard.api.Usage;
import java.io.UncheckedIOException;
import java.time.Instant;

/** Events as JSON objects with DeepRails' snake_case field names, one line each (for JSON-lines export). */
final class EventJson {

    private EventJson() {}

    static String monitorEvent(MonitorEvent e) {
        ObjectNode root = JsonReplies.MAPPER.createObjectNode();
        root.put("event_id", e.eventId());
        root.put("monitor_id", e.monitorId());
        root.put("status", e.status().wireName());
        root.put("progress", e.progress());
        putNullable(root, "nametag", e.nametag());
        root.put("run_mode", e.runMode() == null ? null : e.runMode().wireName());
        putNullable(root, "model_used", e.modelUsed());
        if (e.modelInput() != null) {
            root.set("model_input", modelInput(e.modelInput()));
        }
        putNullable(root, "model_output", e.modelOutput());
        putInstant(root, "created_at", e.createdAt());
        putInstant(root, "started_at", e.startedAt());
        putInstant(root, "completed_at", e.completedAt());
        e.evalTime().ifPresent(d -> root.put("eval_time", d.toNanos() / 1e9));
        if (e.evaluationResult() != null) {
            root.set("evaluation_result", result(e.evaluationResult()));
            root.put("evaluation_total_cost", e.cost());
            root.set("usage", usage(e.usage()));
        }
        putNullable(root, "error_message", e.errorMessage());
        return write(root);
    }

    static String workflowEvent(WorkflowEvent e) {
        ObjectNode root = JsonReplies.MAPPER.createObjectNode();
        root.put("event_id", e.eventId());
        root.put("workflow_id", e.workflowId());
        root.put("status", e.status().wireName());
        root.put("progress", e.progress());
        root.put("filtered", e.filtered());
        root.put("improvement_action", e.improvementAction().wireName());
        root.put("improvement_tool_status", e.improvementToolStatus() == null ? null : e.improvementToolStatus().wireName());
        putNullable(root, "improved_model_output", e.improvedModelOutput());
        putNullable(root, "nametag", e.nametag());
        root.put("run_mode", e.runMode().wireName());
        putNullable(root, "model_used", e.modelUsed());
        root.set("model_input", modelInput(e.modelInput()));
        root.put("model_output", e.modelOutput());
        if (e.evaluationResult() != null) {
            root.set("evaluation_result", result(e.evaluationResult()));
        }
        ArrayNode history = root.putArray("evaluation_history");
        for (EvaluationAttempt a : e.evaluationHistory()) {
            ObjectNode h = history.addObject();
            h.put("attempt", a.attempt());
            h.put("evaluation_status", a.status().wireName());
            h.put("model_output", a.modelOutput());
            h.set("evaluation_result", result(a.metrics()));
            ArrayNode carried = h.putArray("carried_over");
            a.carriedOver().stream().sorted().forEach(carried::add);
            h.put("evaluation_total_cost", a.cost());
            h.set("usage", usage(a.usage()));
            h.put("analysis_of_failures", a.analysisOfFailures());
            ArrayNode key = h.putArray("key_improvements");
            a.keyImprovements().forEach(key::add);
            putInstant(h, "created_at", a.startedAt());
            putInstant(h, "completed_at", a.completedAt());
        }
        ArrayNode analysis = root.putArray("analysis_of_failures");
        e.analysisOfFailures().forEach(analysis::add);
        ArrayNode improvements = root.putArray("key_improvements");
        for (var list : e.keyImprovements()) {
            ArrayNode items = improvements.addObject().putArray("key_improvement");
            list.forEach(items::add);
        }
        root.put("evaluation_total_cost", e.cost());
        putInstant(root, "created_at", e.createdAt());
        putInstant(root, "completed_at", e.completedAt());
        putNullable(root, "error_message", e.errorMessage());
        return write(root);
    }

    static ObjectNode modelInput(ModelInput in) {
        ObjectNode n = JsonReplies.MAPPER.createObjectNode();
        putNullable(n, "system_prompt", in.systemPrompt());
        putNullable(n, "user_prompt", in.userPrompt());
        putNullable(n, "ground_truth", in.groundTruth());
        if (!in.context().isEmpty()) {
            ArrayNode ctx = n.putArray("context");
            for (ContextMessage m : in.context()) {
                ctx.addObject().put("role", m.role()).put("content", m.content());
            }
        }
        return n;
    }

    static ObjectNode result(EvaluationResult r) {
        return result(r.metrics());
    }

    static ObjectNode result(java.util.Map<String, MetricResult> metrics) {
        ObjectNode n = JsonReplies.MAPPER.createObjectNode();
        for (MetricResult m : metrics.values()) {
            ObjectNode metric = n.putObject(m.metric());
            if (m.score().isPresent()) {
                metric.put("score", m.score().getAsDouble());
            } else {
                metric.putNull("score");
            }
            metric.put("threshold", m.threshold());
            metric.put("verdict", m.verdict().wireName());
            metric.put("rationale", m.rationale());
        }
        return n;
    }

    static ObjectNode usage(Usage u) {
        ObjectNode n = JsonReplies.MAPPER.createObjectNode();
        n.put("judge_calls", u.judgeCalls());
        n.put("cache_hits", u.cacheHits());
        n.put("input_tokens", u.inputTokens());
        n.put("output_tokens", u.outputTokens());
        return n;
    }

    private static void putNullable(ObjectNode n, String field, String value) {
        if (value != null) {
            n.put(field, value);
        }
    }

    private static void putInstant(ObjectNode n, String field, Instant value) {
        if (value != null) {
            n.put(field, value.toString());
        }
    }

    private static String write(ObjectNode n) {
        try {
            return JsonReplies.MAPPER.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
