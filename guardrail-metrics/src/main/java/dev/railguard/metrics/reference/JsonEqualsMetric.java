package dev.railguard.metrics.reference;

import com.fasterxml.jackson.databind.JsonNode;
import dev.railguard.api.Diagnostic;
import dev.railguard.api.MetricResult;
import dev.railguard.api.UnitVerdict;
import dev.railguard.api.Usage;
import dev.railguard.metrics.DefaultThresholds;
import dev.railguard.metrics.internal.json.OutputJson;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * {@code json_equals}: whether the output is the same JSON value as the ground truth: objects equal whatever their key
 * order, arrays element by element in order, numbers by value ({@code 1}, {@code 1.0} and {@code 1e0} are equal),
 * strings, booleans and null exactly. Both sides are read strictly (one Markdown code fence around the output is
 * tolerated). Score 1.0 when equal, else 0.0; each JSON path that differs is a unit and is named in the rationale.
 * A ground truth that is not JSON is an ERROR, naming the field.
 */
public final class JsonEqualsMetric extends ReferenceCheck {

    /** The installed name. */
    public static final String NAME = "json_equals";

    private static final int MAX_PATHS = 20;

    /** The installed {@code json_equals}. */
    public JsonEqualsMetric() {
        this(NAME, DefaultThresholds.of(NAME));
    }

    private JsonEqualsMetric(String name, double threshold) {
        super(name, "Whether the output is the same JSON value as the ground truth (offline, no judge).", threshold);
    }

    /** A JSON-equality check named {@code name} with default threshold {@code threshold}. */
    public static JsonEqualsMetric of(String name, double threshold) {
        return new JsonEqualsMetric(name, threshold);
    }

    @Override
    MetricResult compare(String output, String truth, double threshold) {
        OutputJson.Read expected = OutputJson.read(truth);
        if (expected.value() == null) {
            return MetricResult.error(name(), threshold, "modelInput.groundTruth must be JSON for '" + name()
                    + "', but is " + expected.error(), Usage.NONE, List.of());
        }
        OutputJson.Read actual = OutputJson.read(output);
        List<Diagnostic> notes = actual.fenced() ? List.of(Diagnostic.info(OutputJson.FENCED)) : List.of();
        if (actual.value() == null) {
            return result(0.0, threshold, "The output is " + actual.error() + ".",
                    List.of(unit("$", "parse_error", false, actual.error())), notes);
        }
        List<String> differences = new ArrayList<>();
        diff("$", expected.value(), actual.value(), differences);
        if (differences.isEmpty()) {
            return result(1.0, threshold, "The output is the same JSON value as the ground truth.", List.of(), notes);
        }
        List<UnitVerdict> units = new ArrayList<>();
        for (String d : differences.subList(0, Math.min(MAX_PATHS, differences.size()))) {
            int colon = d.indexOf(": ");
            units.add(unit(d.substring(0, colon), "json_path", false, d.substring(colon + 2)));
        }
        return result(0.0, threshold, "The output differs from the ground truth at " + differences.size() + " JSON path"
                + (differences.size() == 1 ? "" : "s") + ": " + String.join("; ", differences.subList(0,
                Math.min(5, differences.size()))) + (differences.size() > 5 ? "; ..." : "") + ".", units, notes);
    }

    /** Adds {@code "path: what differs"} for each place where {@code actual} is not {@code expected}. */
    static void diff(String path, JsonNode expected, JsonNode actual, List<String> out) {
        if (expected.isNumber() && actual.isNumber()) {
            if (expected.decimalValue().compareTo(actual.decimalValue()) != 0) {
                out.add(path + ": expected " + expected + ", got " + actual);
            }
        } else if (expected.getNodeType() != actual.getNodeType()) {
            out.add(path + ": expected " + kind(expected) + " " + brief(expected) + ", got " + kind(actual) + " "
                    + brief(actual));
        } else if (expected.isObject()) {
            TreeSet<String> keys = new TreeSet<>();
            expected.fieldNames().forEachRemaining(keys::add);
            actual.fieldNames().forEachRemaining(keys::add);
            for (String k : keys) {
                String p = path + (k.matches("[A-Za-z_][A-Za-z0-9_]*") ? "." + k : "['" + k.replace("'", "\\'") + "']");
                if (!actual.has(k)) {
                    out.add(p + ": missing (expected " + brief(expected.get(k)) + ")");
                } else if (!expected.has(k)) {
                    out.add(p + ": unexpected (" + brief(actual.get(k)) + ")");
                } else {
                    diff(p, expected.get(k), actual.get(k), out);
                }
            }
        } else if (expected.isArray()) {
            Iterator<JsonNode> e = expected.elements();
            Iterator<JsonNode> a = actual.elements();
            int i = 0;
            while (e.hasNext() && a.hasNext()) {
                diff(path + "[" + i++ + "]", e.next(), a.next(), out);
            }
            if (expected.size() != actual.size()) {
                out.add(path + ": expected " + expected.size() + " elements, got " + actual.size());
            }
        } else if (!expected.equals(actual)) {
            out.add(path + ": expected " + brief(expected) + ", got " + brief(actual));
        }
    }

    private static String kind(JsonNode n) {
        return n.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static String brief(JsonNode n) {
        String s = n.toString();
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }
}
