package dev.railguard.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * Presidio's own recognizer test cases ({@code presidio-cases.jsonl}, see {@code presidio-cases.md}) and the score
 * of a detector on them, per entity type, as Presidio's tests count: a case is run against the recognizer of its
 * entity only, an expected span counts as found when a finding has exactly its start and end, and any other finding
 * is a false alarm.
 */
final class PresidioCases {

    /** One case: the entity, the text and the spans Presidio's test expects. */
    record Case(String source, String entity, String text, List<int[]> spans, boolean weak) {}

    /** The figures of one entity type. */
    record Score(String entity, int cases, int expected, int found, int falseAlarms, int cleanTexts,
            int cleanTextsFlagged) {

        double recall() {
            return expected == 0 ? Double.NaN : (double) found / expected;
        }

        double precision() {
            return found + falseAlarms == 0 ? Double.NaN : (double) found / (found + falseAlarms);
        }

        String row() {
            return String.format(Locale.ROOT, "| %s | %d | %d of %d | %s | %d | %d of %d |", entity, cases, found,
                    expected, Double.isNaN(precision()) ? "-" : String.format(Locale.ROOT, "%.3f", precision()),
                    falseAlarms, cleanTextsFlagged, cleanTexts);
        }
    }

    private PresidioCases() {}

    static List<Case> load() {
        ObjectMapper json = new ObjectMapper();
        List<Case> cases = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                PresidioCases.class.getResourceAsStream("presidio-cases.jsonl"), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                JsonNode n = json.readTree(line);
                List<int[]> spans = new ArrayList<>();
                n.get("spans").forEach(s -> spans.add(new int[] {s.get(0).asInt(), s.get(1).asInt()}));
                cases.add(new Case(n.get("source").asText(), n.get("entity").asText(), n.get("text").asText(),
                        List.copyOf(spans), n.path("weak").asBoolean(false)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    /**
     * Scores {@code detector} (entity name and text to the spans it finds for that entity) on every case.
     *
     * @return the figures per entity, by entity name
     */
    static Map<String, Score> score(List<Case> cases, BiFunction<String, String, List<int[]>> detector) {
        Map<String, int[]> counts = new TreeMap<>();
        for (Case c : cases) {
            int[] k = counts.computeIfAbsent(c.entity(), e -> new int[6]);
            Set<String> expected = new HashSet<>();
            c.spans().forEach(s -> expected.add(s[0] + ":" + s[1]));
            int found = 0;
            int alarms = 0;
            for (int[] f : detector.apply(c.entity(), c.text())) {
                if (expected.remove(f[0] + ":" + f[1])) {
                    found++;
                } else {
                    alarms++;
                }
            }
            k[0]++;
            k[1] += c.spans().size();
            k[2] += found;
            k[3] += alarms;
            if (c.spans().isEmpty()) {
                k[4]++;
                k[5] += alarms > 0 ? 1 : 0;
            }
        }
        Map<String, Score> scores = new TreeMap<>();
        counts.forEach((e, k) -> scores.put(e, new Score(e, k[0], k[1], k[2], k[3], k[4], k[5])));
        return scores;
    }

    /** The README table: a header and a row per entity, then the totals. */
    static String table(Map<String, Score> scores) {
        StringBuilder sb = new StringBuilder("| entity | cases | found | precision | false alarms | clean texts flagged |\n"
                + "|---|---|---|---|---|---|\n");
        int[] t = new int[6];
        for (Score s : scores.values()) {
            sb.append(s.row()).append('\n');
            t[0] += s.cases();
            t[1] += s.expected();
            t[2] += s.found();
            t[3] += s.falseAlarms();
            t[4] += s.cleanTexts();
            t[5] += s.cleanTextsFlagged();
        }
        sb.append(new Score("all", t[0], t[1], t[2], t[3], t[4], t[5]).row()).append('\n');
        return sb.toString();
    }
}
