package dev.railguard.report;

import dev.railguard.api.Checks;
import dev.railguard.api.Verdict;
import dev.railguard.batch.BatchLines;
import dev.railguard.batch.BatchSummary;
import dev.railguard.batch.ResultsFile;
import dev.railguard.engine.PromptResources;
import dev.railguard.engine.Redaction;
import dev.railguard.format.ResultLine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A batch run as one self-contained HTML file: headline figures, pass rate per metric and per nametag as stacked bars,
 * a score histogram per metric, judge calls per judge, the skipped input lines, then every event with the failing
 * ones first (their metrics, rationales and failing units). CSS and the script that draws the charts (inline SVG)
 * are inside the file; viewing it needs no network. Every text from the data (prompts, outputs, rationales, metric
 * and tag names) is escaped, so an output holding HTML or a script is shown, never run.
 *
 * <pre>{@code
 * BatchSummary summary = batch.run();
 * HtmlReport.write(summary, Path.of("railguard-out/report.html"));
 * }</pre>
 */
public final class HtmlReport {


    /** Events shown in full by default; the rest are counted. Failing events come first, so they are never cut. */
    public static final int DEFAULT_MAX_EVENTS = 500;

    private static final int MAX_OUTPUT_CHARS = 4000;

    private HtmlReport() {}

    /**
     * Writes the report of {@code summary} (reading its results file) to {@code html}, titled "Railguard report".
     *
     * @throws UncheckedIOException if a file cannot be read or written
     */
    public static void write(BatchSummary summary, Path html) {
        write(summary, html, "Railguard report", DEFAULT_MAX_EVENTS);
    }

    /**
     * Writes the report with a title and a cap on the events shown in full.
     *
     * @throws IllegalArgumentException if {@code maxEvents} is negative
     * @throws UncheckedIOException     if a file cannot be read or written
     */
    public static void write(BatchSummary summary, Path html, String title, int maxEvents) {
        Objects.requireNonNull(html, "html must not be null");
        String page = render(summary, title, maxEvents);
        try {
            Path parent = html.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(html, page, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the report " + html, e);
        }
    }

    /**
     * The report as a string.
     *
     * @throws IllegalArgumentException if {@code maxEvents} is negative
     */
    public static String render(BatchSummary summary, String title, int maxEvents) {
        Objects.requireNonNull(summary, "summary must not be null");
        Objects.requireNonNull(title, "title must not be null");
        Checks.atLeast(maxEvents, 0, "maxEvents");
        List<ResultLine> events = new ArrayList<>(ResultsFile.read(summary.resultsFile()).values());
        events.sort(Comparator.comparingInt((ResultLine n) -> rank(n.outcome())).thenComparingInt(ResultLine::line));
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline';"
                        + " script-src 'unsafe-inline'; img-src data:\">")
                .append("<title>").append(escape(title)).append("</title><style>\n")
                .append(PromptResources.load(HtmlReport.class, "report/report.css"))
                .append("\n</style></head><body>\n");
        h.append("<header class=\"top\"><h1>").append(escape(title)).append("</h1><div class=\"sub\">")
                .append(escape(summary.resultsFile().getFileName().toString())).append(" &middot; generated ")
                .append(escape(Instant.now().toString().substring(0, 19).replace('T', ' '))).append(" UTC</div></header>\n<main>\n");
        Set<String> skipReasons = skipReasons(events);
        for (String reason : skipReasons) {
            h.append("<div class=\"banner\"><b>Some metrics were skipped.</b> ").append(escape(reason)).append("</div>\n");
        }
        tiles(h, summary);
        h.append("<div class=\"grid2\"><section><h2>Pass rate per metric</h2><div class=\"panel\">").append(legend())
                .append("<div id=\"metric-bars\"></div></div></section>")
                .append("<section><h2>Pass rate per nametag</h2><div class=\"panel\">").append(legend())
                .append("<div id=\"nametag-bars\"></div></div></section></div>\n");
        h.append("<h2>Score distribution</h2><div class=\"hists\" id=\"histograms\"></div>\n");
        h.append("<noscript><p class=\"note\">The charts are drawn by a script inside this file; enable JavaScript to"
                + " see them.</p></noscript>\n");
        usage(h, summary);
        skipped(h, summary);
        h.append("<h2 id=\"events\">Events, failing first</h2>\n");
        int shown = 0;
        for (ResultLine e : events) {
            if (shown == maxEvents) {
                break;
            }
            event(h, e, skipReasons);
            shown++;
        }
        if (events.size() > shown) {
            h.append("<p class=\"note\">").append(events.size() - shown).append(" more events (all passed or less"
                    + " severe than those above) are in the results file.</p>\n");
        }
        if (events.isEmpty()) {
            h.append("<p class=\"note\">No event was evaluated.</p>\n");
        }
        h.append("</main>\n<script type=\"application/json\" id=\"railguard-data\">")
                .append(scriptSafe(BatchLines.toJson(summary)))
                .append("</script>\n<script>\n").append(PromptResources.load(HtmlReport.class, "report/report.js"))
                .append("\n</script>\n</body></html>\n");
        return h.toString();
    }

    private static int rank(String outcome) {
        return switch (outcome) {
            case "fail" -> 0;
            case "error" -> 1;
            case "incomplete" -> 2;
            default -> 3;
        };
    }

    private static String legend() {
        return "<div class=\"legend\"><span><i style=\"background:var(--pass)\"></i>pass</span>"
                + "<span><i style=\"background:var(--fail)\"></i>fail</span>"
                + "<span><i style=\"background:var(--error)\"></i>error</span>"
                + "<span><i style=\"background:var(--skipped)\"></i>skipped (no judge)</span></div>";
    }

    private static void tiles(StringBuilder h, BatchSummary s) {
        h.append("<section class=\"tiles\">");
        tile(h, "events", String.valueOf(s.events()), "");
        // count what was decided: an event with a SKIPPED metric (no judge) is partly checked, not failing
        tile(h, "all metrics passed", s.passedEvents() + " (" + percent(s.eventPassRate()) + ")",
                s.passedEvents() == s.events() ? "good" : s.failingEvents() > 0 ? "bad" : "warn");
        tile(h, "failing events", String.valueOf(s.failingEvents()), s.failingEvents() > 0 ? "bad" : "good");
        if (s.partlyCheckedEvents() > 0) {
            tile(h, "only partly checked", String.valueOf(s.partlyCheckedEvents()), "warn");
        }
        long failing = s.metrics().values().stream().mapToLong(BatchSummary.MetricStats::fail).sum();
        tile(h, "failed metric results", String.valueOf(failing), failing > 0 ? "bad" : "good");
        tile(h, "errors", String.valueOf(s.metricErrors() + s.failedEvents()), s.metricErrors() > 0 ? "warn" : "");
        long skippedMetrics = s.metrics().values().stream().mapToLong(BatchSummary.MetricStats::skipped).sum();
        tile(h, "skipped metric results", String.valueOf(skippedMetrics), "");
        tile(h, "skipped input lines", String.valueOf(s.skippedLines().size()), s.skippedLines().isEmpty() ? "" : "warn");
        tile(h, "judge calls", String.valueOf(s.judgeCalls()), "");
        tile(h, "tokens in / out", compact(s.inputTokens()) + " / " + compact(s.outputTokens()), "");
        h.append("</section>\n");
    }

    private static void tile(StringBuilder h, String key, String value, String cls) {
        h.append("<div class=\"tile ").append(cls).append("\"><div class=\"v\">").append(escape(value))
                .append("</div><div class=\"k\">").append(escape(key)).append("</div></div>");
    }

    private static void usage(StringBuilder h, BatchSummary s) {
        h.append("<div class=\"grid2\"><section><h2>Usage and cost</h2><div class=\"panel\"><table class=\"plain\">")
                .append(row("judge calls", String.valueOf(s.judgeCalls())))
                .append(row("cache hits", String.valueOf(s.cacheHits())))
                .append(row("input tokens", String.valueOf(s.inputTokens())))
                .append(row("output tokens", String.valueOf(s.outputTokens())))
                .append(row("cached input tokens", String.valueOf(s.cachedInputTokens())))
                .append(row("cost", s.cost() > 0 ? String.format(Locale.ROOT, "%.4f", s.cost())
                        : s.judgeCalls() == 0 ? "0 (no judge called)" : "not priced (no price table set)"))
                .append(row("cost through the synchronous API", s.synchronousCost() > 0
                        ? String.format(Locale.ROOT, "%.4f", s.synchronousCost()) : "-"))
                .append(row("judge time (sum of call latencies)", seconds(s.judgeTime().toMillis())))
                .append(row("wall time of the last run", seconds(s.wallTime().toMillis())))
                .append(row("evaluated by the last run / resumed", s.evaluatedNow() + " / " + s.resumed()))
                .append("</table></div></section><section><h2>Judge calls per judge</h2><div class=\"panel\">"
                        + "<div id=\"judges\"></div></div></section></div>\n");
    }

    private static String row(String k, String v) {
        return "<tr><th>" + escape(k) + "</th><td>" + escape(v) + "</td></tr>";
    }

    private static void skipped(StringBuilder h, BatchSummary s) {
        if (s.skippedLines().isEmpty()) {
            return;
        }
        h.append("<h2>Skipped input lines</h2><div class=\"panel\"><table class=\"plain skipped-lines\">"
                + "<tr><th>line</th><th>reason</th></tr>");
        for (BatchSummary.SkippedLine l : s.skippedLines().subList(0, Math.min(200, s.skippedLines().size()))) {
            h.append("<tr><td>").append(l.line()).append("</td><td>").append(escape(l.reason())).append("</td></tr>");
        }
        h.append("</table>");
        if (s.skippedLines().size() > 200) {
            h.append("<p class=\"note\">").append(s.skippedLines().size() - 200)
                    .append(" more skipped lines are listed in the summary.</p>");
        }
        h.append("</div>\n");
    }

    /** The distinct rationales of SKIPPED metrics: shown once at the top instead of in every row. */
    private static Set<String> skipReasons(List<ResultLine> events) {
        Set<String> reasons = new LinkedHashSet<>();
        for (ResultLine e : events) {
            e.metrics().values().forEach(r -> {
                if (r.verdict() == Verdict.SKIPPED && reasons.size() < 5) {
                    reasons.add(r.rationale());
                }
            });
        }
        return reasons;
    }

    private static void event(StringBuilder h, ResultLine e, Set<String> skipReasons) {
        String outcome = e.outcome() == null ? "pass" : e.outcome();
        boolean pass = outcome.equals("pass");
        h.append("<article class=\"event outcome-").append(escape(outcome)).append("\" data-line=\"")
                .append(e.line()).append("\"><div class=\"head\"><span class=\"badge ").append(escape(outcome))
                .append("\">").append(escape(outcome)).append("</span><span>line ").append(e.line())
                .append("</span><span>").append(escape(e.eventId())).append("</span>");
        if (e.nametag() != null) {
            h.append("<span>nametag <b>").append(escape(e.nametag())).append("</b></span>");
        }
        if (e.modelUsed() != null) {
            h.append("<span>model ").append(escape(e.modelUsed())).append("</span>");
        }
        h.append("<span>").append(escape(e.runMode() == null ? "" : e.runMode().wireName())).append("</span>");
        if (e.usage().judgeCalls() > 0) {
            h.append("<span>").append(e.usage().judgeCalls()).append(" judge calls, ")
                    .append(e.usage().inputTokens() + e.usage().outputTokens()).append(" tokens</span>");
        }
        h.append("</div>");
        if (e.userPrompt() != null) {
            h.append("<div class=\"prompt\">").append(escape(abbreviate(e.userPrompt(), 600))).append("</div>");
        }
        if (e.groundTruth() != null) {
            h.append("<div class=\"truth\">ground truth: ").append(escape(abbreviate(e.groundTruth(), 600)))
                    .append("</div>");
        }
        h.append(pass ? "<details><summary>output and metrics</summary>" : "");
        h.append("<pre class=\"output\">").append(escape(abbreviate(e.modelOutput() == null ? "" : e.modelOutput(),
                MAX_OUTPUT_CHARS))).append("</pre>");
        h.append("<table class=\"metrics\"><tr><th>metric</th><th>verdict</th><th>score / threshold</th>"
                + "<th>rationale and failing units</th></tr>");
        for (Map.Entry<String, ResultLine.MetricLine> m : e.metrics().entrySet()) {
            ResultLine.MetricLine r = m.getValue();
            String verdict = r.verdict().wireName();
            String rationale = r.rationale() == null ? "" : r.rationale();
            h.append("<tr><td>").append(escape(m.getKey())).append("</td><td><span class=\"badge ").append(escape(verdict))
                    .append("\">").append(escape(verdict)).append("</span></td><td class=\"score\">")
                    .append(r.score() != null ? String.format(Locale.ROOT, "%.2f", r.score()) : "&ndash;")
                    .append(" / ").append(String.format(Locale.ROOT, "%.2f", r.threshold()))
                    .append("</td><td>").append(r.verdict() == Verdict.SKIPPED && skipReasons.contains(rationale)
                            ? "<span class=\"note\">skipped: see the note at the top</span>"
                            : escape(abbreviate(rationale, 1200)));
            List<ResultLine.UnitLine> failing = e.units().getOrDefault(m.getKey(), List.of()).stream()
                    .filter(u -> "N".equals(u.verdict())).toList();
            if (!failing.isEmpty()) {
                h.append("<ul class=\"units\">");
                for (ResultLine.UnitLine u : failing.subList(0, Math.min(20, failing.size()))) {
                    h.append("<li>");
                    if (u.label() != null && !u.label().isEmpty()) {
                        h.append("<span class=\"lbl\">").append(escape(u.label())).append("</span>");
                    }
                    h.append(escape(abbreviate(u.text() == null ? "" : u.text(), 300)));
                    if (u.reason() != null && !u.reason().isEmpty()) {
                        h.append(" <span class=\"why\">&mdash; ").append(escape(abbreviate(u.reason(), 300)))
                                .append(" (").append(escape(u.confidence())).append(")</span>");
                    }
                    h.append("</li>");
                }
                if (failing.size() > 20) {
                    h.append("<li class=\"note\">").append(failing.size() - 20).append(" more</li>");
                }
                h.append("</ul>");
            }
            h.append("</td></tr>");
        }
        h.append("</table>").append(pass ? "</details>" : "").append("</article>\n");
    }

    /**
     * {@code raw} made safe for an HTML page: secrets redacted ({@link Redaction}), then escaped for element content
     * and quoted attribute values; null becomes the empty string. The one escaper of Railguard's HTML pages (the batch
     * report, the run diff, the meta-evaluation page).
     */
    public static String escape(String raw) {
        if (raw == null) {
            return "";
        }
        String s = Redaction.redact(raw);
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** JSON that cannot end its script element or open a comment: {@code <}, {@code >} and {@code &} as escapes. */
    private static String scriptSafe(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e")
                .replace("&", "\\u0026").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + " ... (" + (s.length() - max) + " more characters)";
    }

    /** 950, 12.3k, 4.1M: short enough for a tile; the exact figures are in the usage table. */
    static String compact(long n) {
        if (n < 10_000) {
            return Long.toString(n);
        }
        if (n < 1_000_000) {
            return String.format(Locale.ROOT, "%.1fk", n / 1000.0);
        }
        return String.format(Locale.ROOT, "%.1fM", n / 1_000_000.0);
    }

    private static String percent(double d) {
        return Math.round(d * 100) + "%";
    }

    private static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
