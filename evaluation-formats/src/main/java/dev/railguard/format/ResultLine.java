package dev.railguard.format;

import dev.railguard.api.Diagnostic;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.EvaluationStatus;
import dev.railguard.api.MetricResult;
import dev.railguard.api.ModelInput;
import dev.railguard.api.RunMode;
import dev.railguard.api.Usage;
import dev.railguard.api.UnitVerdict;
import dev.railguard.api.Verdict;
import dev.railguard.format.internal.ResultLineJson;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * One line of a {@code results.jsonl} file: one evaluated event. Batch runs write it; resume, the summary, the HTML
 * report, {@code railguard diff} and the samples read it back with {@link #read}, never by walking JSON.
 *
 * <p>The line's keys: {@code line}, {@code input_hash}, {@code id}, {@code event_id}, {@code status}, {@code passed},
 * {@code outcome}, {@code nametag}, {@code run_mode}, {@code model_used}, {@code error_message},
 * {@code evaluation_result} ({@code {metric: {score, rationale, threshold, verdict}}}), {@code units} and
 * {@code diagnostics} by metric, {@code usage}, {@code elapsed_ms}, {@code user_prompt}, {@code ground_truth},
 * {@code model_output}, {@code warnings}. Lines written before this type existed have the same keys and read as they
 * are.
 *
 * @param line         the input line number (1-based)
 * @param inputHash    {@code BatchLines.hash} of the input line, the resume key with the line number
 * @param id           the input's {@code id}, or null
 * @param eventId      the evaluation's {@code evt_} id
 * @param status       how the evaluation ended
 * @param passed       whether every metric passed
 * @param outcome      {@code pass}, {@code fail}, {@code error} or {@code incomplete} ({@link #outcome})
 * @param nametag      the event's nametag, or null
 * @param runMode      the run mode it was evaluated in
 * @param modelUsed    the model that produced the output, or null
 * @param errorMessage why the evaluation failed, or null
 * @param metrics      the metric results by name, in the request's order
 * @param units        the judged units by metric (metrics without units left out)
 * @param diagnostics  the diagnostics by metric (metrics without diagnostics left out)
 * @param usage        the judge calls, tokens, time and cost of the evaluation
 * @param elapsedMs    the evaluation's wall time in milliseconds
 * @param userPrompt   the user prompt (else the system prompt), for the report
 * @param groundTruth  the ground truth, or null
 * @param modelOutput  the output evaluated
 * @param warnings     what a lenient read of the input line ignored
 */
public record ResultLine(int line, String inputHash, String id, String eventId, EvaluationStatus status,
        boolean passed, String outcome, String nametag, RunMode runMode, String modelUsed, String errorMessage,
        Map<String, MetricLine> metrics, Map<String, List<UnitLine>> units, Map<String, List<DiagnosticLine>> diagnostics,
        Usage usage, long elapsedMs, String userPrompt, String groundTruth, String modelOutput, List<String> warnings) {

    /**
     * One metric of a results line.
     *
     * @param score     the score, or null (ERROR and SKIPPED have none)
     * @param rationale the metric's rationale
     * @param threshold the threshold the verdict was decided against
     * @param verdict   the verdict
     */
    public record MetricLine(Double score, String rationale, double threshold, Verdict verdict) {
        /** Validates. */
        public MetricLine {
            Objects.requireNonNull(verdict, "verdict must not be null");
        }
    }

    /**
     * One judged unit of a results line.
     *
     * @param text       the unit
     * @param kind       its kind
     * @param label      its sub-kind, or empty
     * @param verdict    {@code Y} or {@code N}
     * @param confidence {@code low}, {@code medium}, {@code high} or {@code certain}
     * @param judge      the judge that decided it
     * @param reason     the judge's reason
     * @param disputed   whether judges disagreed on it
     */
    public record UnitLine(String text, String kind, String label, String verdict, String confidence, String judge,
            String reason, boolean disputed) {}

    /**
     * One diagnostic of a results line.
     *
     * @param severity {@code info}, {@code warning} or {@code error}
     * @param message  the message
     */
    public record DiagnosticLine(String severity, String message) {}

    /** Validates and copies, keeping the order of the maps. */
    public ResultLine {
        Objects.requireNonNull(eventId, "eventId must not be null");
        Objects.requireNonNull(status, "status must not be null");
        Objects.requireNonNull(usage, "usage must not be null");
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        units = Collections.unmodifiableMap(new LinkedHashMap<>(units));
        diagnostics = Collections.unmodifiableMap(new LinkedHashMap<>(diagnostics));
        warnings = List.copyOf(warnings);
    }

    /**
     * The line of one evaluated event.
     *
     * @param line      the input line number
     * @param inputHash the hash of the input line
     * @param id        the input's {@code id}, or null
     * @param warnings  what a lenient read of the line ignored
     */
    public static ResultLine of(int line, String inputHash, String id, List<String> warnings,
            EvaluationRequest request, EvaluationResult result) {
        Map<String, MetricLine> metrics = new LinkedHashMap<>();
        Map<String, List<UnitLine>> units = new TreeMap<>();
        Map<String, List<DiagnosticLine>> diagnostics = new TreeMap<>();
        for (MetricResult m : result.metrics().values()) {
            metrics.put(m.metric(), new MetricLine(m.score().isPresent() ? m.score().getAsDouble() : null,
                    m.rationale(), m.threshold(), m.verdict()));
            if (!m.units().isEmpty()) {
                List<UnitLine> us = new ArrayList<>();
                for (UnitVerdict u : m.units()) {
                    us.add(new UnitLine(u.text(), u.kind(), u.label(), u.verdictLetter(),
                            u.confidence().name().toLowerCase(), u.judge(), u.reason(), u.disputed()));
                }
                units.put(m.metric(), us);
            }
            if (!m.diagnostics().isEmpty()) {
                List<DiagnosticLine> ds = new ArrayList<>();
                for (Diagnostic d : m.diagnostics()) {
                    ds.add(new DiagnosticLine(d.severity().name().toLowerCase(), d.message()));
                }
                diagnostics.put(m.metric(), ds);
            }
        }
        ModelInput in = request.modelInput();
        String prompt = in.userPrompt() != null && !in.userPrompt().isBlank() ? in.userPrompt() : in.systemPrompt();
        return new ResultLine(line, inputHash, id, result.eventId(), result.status(), result.passed(),
                outcome(result), request.nametag(), result.runMode(), request.modelUsed(), result.failure(), metrics,
                units, diagnostics, result.usage(), result.elapsed().toMillis(), prompt,
                in.groundTruthIfPresent().orElse(null), request.modelOutput(), warnings);
    }

    /** {@code fail} if a metric failed, else {@code error}, else {@code incomplete} (skipped metrics), else pass. */
    public static String outcome(EvaluationResult result) {
        if (result.status() != EvaluationStatus.COMPLETED) {
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

    /** Whether a metric of this line was SKIPPED (no judge was configured), so a resumed run evaluates it again. */
    public boolean hasSkippedMetric() {
        return metrics.values().stream().anyMatch(m -> m.verdict() == Verdict.SKIPPED);
    }

    /** This line with {@code f} applied to every text in it (to redact secrets before it is written). */
    public ResultLine withTexts(UnaryOperator<String> f) {
        return ResultLineJson.mapTexts(this, f);
    }

    /**
     * This line as one line of JSON (no newline); every text made well-formed UTF-16 (a lone surrogate becomes
     * U+FFFD), so the line is valid UTF-8.
     */
    public String write() {
        return ResultLineJson.write(this);
    }

    /**
     * Reads one results line.
     *
     * @throws IllegalArgumentException if the text is not a results line, naming the field, the value and what is
     *                                  allowed
     */
    public static ResultLine read(String json) {
        return ResultLineJson.read(json);
    }
}
