package dev.railguard.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.railguard.api.Confidence;
import dev.railguard.api.UnitVerdict;
import dev.railguard.api.UnitVote;
import java.util.ArrayList;
import java.util.List;

/** Turns validated judge replies into unit verdicts. */
final class UnitReplies {

    private UnitReplies() {}

    /** The units of a {@link Schemas#judgedUnits} reply, each with the one vote of {@code judge} in pass {@code pass}. */
    static List<UnitVerdict> judgedUnits(JsonNode reply, String kind, String judge, int pass) {
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
}
