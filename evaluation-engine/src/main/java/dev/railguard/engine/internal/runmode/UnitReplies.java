package dev.railguard.engine.internal.runmode;

import dev.railguard.engine.internal.call.Schemas;

import com.fasterxml.jackson.databind.JsonNode;
import dev.railguard.api.Confidence;
import dev.railguard.api.UnitVerdict;
import dev.railguard.api.UnitVote;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import dev.railguard.api.Diagnostic;

/** Turns validated judge replies into unit verdicts. */
final class UnitReplies {

    private UnitReplies() {}

    /** The units of a {@link Schemas#judgedUnits} reply, each with the one vote of {@code judge} in pass {@code pass}. */
    public static List<UnitVerdict> judgedUnits(JsonNode reply, String kind, String judge, int pass) {
        List<UnitVerdict> units = new ArrayList<>();
        for (JsonNode u : reply.path("units")) {
            boolean satisfied = u.path("verdict").asText().trim().equalsIgnoreCase("Y");
            Confidence confidence = Confidence.fromName(u.path("confidence").asText());
            String reason = u.path("reason").asText("");
            UnitVote vote = new UnitVote(judge, pass, satisfied, confidence, reason);
            units.add(new UnitVerdict(u.path("text").asText(""), kind, u.path("label").asText(""), satisfied,
                    confidence, judge, reason, List.of(vote)));
        }
        return units;
    }

    /**
     * A unit found by a partition call.
     *
     * @param text  the unit
     * @param label its category or dimension, or empty
     */
    public record Unit(String text, String label) {}

    /** The units of a {@link Schemas#partition} reply, blank ones left out. */
    public static List<Unit> partition(JsonNode reply) {
        List<Unit> units = new ArrayList<>();
        for (JsonNode u : reply.path("units")) {
            String text = u.path("text").asText("").strip();
            if (!text.isEmpty()) {
                units.add(new Unit(text, u.path("label").asText("").strip()));
            }
        }
        return units;
    }

    /**
     * The votes of a {@link Schemas#verify} reply by unit index (0-based). Ids outside 1..{@code unitCount} and
     * repeated ids are left out with a warning in {@code notes}; so are missing ids.
     */
    /**
     * The problem with a verify reply that leaves out some of the unit ids 1..{@code unitCount}, for the engine's
     * repair call; empty when every unit has a verdict.
     */
    public static Optional<String> missingIds(JsonNode reply, int unitCount) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (JsonNode v : reply.path("verdicts")) {
            seen.add(v.path("id").asInt(-1));
        }
        List<Integer> missing = new ArrayList<>();
        for (int id = 1; id <= unitCount; id++) {
            if (!seen.contains(id)) {
                missing.add(id);
            }
        }
        return missing.isEmpty() ? Optional.empty() : Optional.of("verdicts must give a verdict for every unit id from 1"
                + " to " + unitCount + ", but ids " + missing + " have none");
    }

    public static Map<Integer, UnitVote> votes(JsonNode reply, int unitCount, String judge, int pass, List<Diagnostic> notes) {
        Map<Integer, UnitVote> votes = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        for (JsonNode v : reply.path("verdicts")) {
            int id = v.path("id").asInt(-1);
            if (id < 1 || id > unitCount || votes.containsKey(id - 1)) {
                ignored.add(String.valueOf(v.path("id")));
                continue;
            }
            boolean satisfied = v.path("verdict").asText().trim().equalsIgnoreCase("Y");
            votes.put(id - 1, new UnitVote(judge, pass, satisfied, Confidence.fromName(v.path("confidence").asText()),
                    v.path("reason").asText("")));
        }
        if (!ignored.isEmpty()) {
            notes.add(Diagnostic.warning("judge '" + judge + "' (pass " + pass + ") gave verdicts for unknown or"
                    + " repeated unit ids " + ignored + "; they were ignored"));
        }
        if (votes.size() < unitCount) {
            List<Integer> missing = new ArrayList<>();
            for (int i = 0; i < unitCount; i++) {
                if (!votes.containsKey(i)) {
                    missing.add(i + 1);
                }
            }
            notes.add(Diagnostic.warning("judge '" + judge + "' (pass " + pass + ") gave no verdict for unit ids "
                    + missing));
        }
        return votes;
    }

    /**
     * A metric's score and reason from the {@code ultra_fast} reply.
     *
     * @param score  the score the judge gave
     * @param reason its reason
     */
    public record Holistic(double score, String reason) {}

    /** The {@link Schemas#verdicts} reply by metric name; the first entry of a name counts. */
    public static Map<String, Holistic> verdicts(JsonNode reply) {
        Map<String, Holistic> out = new LinkedHashMap<>();
        for (JsonNode m : reply.path("metrics")) {
            out.putIfAbsent(m.path("metric").asText("").trim(),
                    new Holistic(m.path("score").asDouble(Double.NaN), m.path("reason").asText("")));
        }
        return out;
    }
}
