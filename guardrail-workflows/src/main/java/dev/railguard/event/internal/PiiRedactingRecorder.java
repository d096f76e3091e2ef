package dev.railguard.event.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.railguard.api.ContextMessage;
import dev.railguard.api.Diagnostic;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.MetricResult;
import dev.railguard.api.ModelInput;
import dev.railguard.api.UnitVerdict;
import dev.railguard.api.UnitVote;
import dev.railguard.event.EventInput;
import dev.railguard.event.EventRecord;
import dev.railguard.event.EventRecorder;
import dev.railguard.event.EventSource;
import dev.railguard.metrics.PiiRedactor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A recorder that hands its delegate every event with the personal data masked (a {@link PiiRedactor}): the prompts,
 * ground truth, context, documents and extras, the output, every rationale, unit, vote reason and diagnostic of the
 * result, every string in the event's detail JSON (the attempts' outputs of a workflow), and the error message. What
 * reaches the event store is then free of what the {@code pii} check finds (tool-call arguments and results too). Events read back by {@link #pending} are
 * the redacted ones, so a resumed event is evaluated on the redacted text.
 */
public final class PiiRedactingRecorder implements EventRecorder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventRecorder delegate;
    private final PiiRedactor redactor;

    /** A recorder that redacts with {@code redactor} before {@code delegate} sees an event. */
    public PiiRedactingRecorder(EventRecorder delegate, PiiRedactor redactor) {
        this.delegate = Objects.requireNonNull(delegate, "recorder must not be null");
        this.redactor = Objects.requireNonNull(redactor, "redactor must not be null");
    }

    /**
     * {@code recorder} as a workflow or monitor builder asked for it: wrapped to redact with type tags when
     * {@code redactPii}, as is otherwise.
     *
     * @throws IllegalArgumentException if {@code redactPii} is set without a recorder
     */
    public static EventRecorder as(boolean redactPii, EventRecorder recorder) {
        if (!redactPii) {
            return recorder;
        }
        if (recorder == null) {
            throw new IllegalArgumentException("redactPii needs a recorder: it masks personal data in what the recorder"
                    + " stores; give one with recorder(...)");
        }
        return new PiiRedactingRecorder(recorder, PiiRedactor.typeTags());
    }

    @Override
    public void accepted(EventRecord event) {
        delegate.accepted(redact(event));
    }

    @Override
    public void updated(EventRecord event) {
        delegate.updated(redact(event));
    }

    @Override
    public List<EventRecord> pending(EventSource source, String sourceId) {
        return delegate.pending(source, sourceId);
    }

    EventRecord redact(EventRecord r) {
        EventInput in = r.input();
        EventInput input = new EventInput(redact(in.modelInput()), redactor.redact(in.modelOutput()), in.modelUsed(),
                in.runMode(), in.nametag());
        return new EventRecord(r.eventId(), r.source(), r.sourceId(), r.status(), input, r.createdAt(),
                r.completedAt(), redact(r.result()), r.usage(), redactJson(r.detailJson()),
                redactor.redact(r.errorMessage()));
    }

    private ModelInput redact(ModelInput m) {
        List<ContextMessage> context = m.context().stream()
                .map(c -> new ContextMessage(c.role(), redactor.redact(c.content()))).toList();
        Map<String, String> extras = new LinkedHashMap<>();
        m.extras().forEach((k, v) -> extras.put(k, redactor.redact(v)));
        return new ModelInput(redactor.redact(m.systemPrompt()), redactor.redact(m.userPrompt()),
                redactor.redact(m.groundTruth()), context, m.documents().stream().map(redactor::redact).toList(),
                extras, m.toolCalls().stream().map(t -> new ModelInput.ToolCall(t.name(),
                        redactor.redact(t.arguments()), redactor.redact(t.result()))).toList());
    }

    private EvaluationResult redact(EvaluationResult r) {
        if (r == null) {
            return null;
        }
        Map<String, MetricResult> metrics = new LinkedHashMap<>();
        r.metrics().forEach((k, m) -> metrics.put(k, redact(m)));
        return new EvaluationResult(r.eventId(), r.status(), metrics, r.usage(), r.runMode(), r.nametag(),
                r.createdAt(), r.completedAt(), redactor.redact(r.failure()));
    }

    private MetricResult redact(MetricResult m) {
        List<UnitVerdict> units = new ArrayList<>();
        for (UnitVerdict u : m.units()) {
            units.add(new UnitVerdict(redactor.redact(u.text()), u.kind(), u.label(), u.satisfied(), u.confidence(),
                    u.judge(), redactor.redact(u.reason()), u.votes().stream().map(v -> new UnitVote(v.judge(),
                    v.pass(), v.satisfied(), v.confidence(), redactor.redact(v.reason()))).toList()));
        }
        List<Diagnostic> diagnostics = m.diagnostics().stream()
                .map(d -> new Diagnostic(d.severity(), redactor.redact(d.message()))).toList();
        return new MetricResult(m.metric(), m.score(), m.threshold(), m.verdict(), redactor.redact(m.rationale()),
                units, m.usage(), diagnostics);
    }

    private String redactJson(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(redactNode(JSON.readTree(json)));
        } catch (JsonProcessingException e) {
            return redactor.redact(json);
        }
    }

    private JsonNode redactNode(JsonNode n) {
        if (n.isTextual()) {
            return TextNode.valueOf(redactor.redact(n.textValue()));
        }
        if (n.isObject()) {
            ObjectNode o = (ObjectNode) n;
            Iterator<Map.Entry<String, JsonNode>> fields = o.fields();
            List<Map.Entry<String, JsonNode>> all = new ArrayList<>();
            fields.forEachRemaining(all::add);
            for (Map.Entry<String, JsonNode> e : all) {
                o.set(e.getKey(), redactNode(e.getValue()));
            }
            return o;
        }
        if (n.isArray()) {
            ArrayNode a = (ArrayNode) n;
            for (int i = 0; i < a.size(); i++) {
                a.set(i, redactNode(a.get(i)));
            }
            return a;
        }
        return n;
    }
}
