package dev.railguard.diff;

import dev.railguard.report.HtmlReport;
import dev.railguard.report.HtmlReport;
import dev.railguard.engine.PromptResources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A run diff as one self-contained HTML file in the style of the batch report ({@link HtmlReport}): headline tiles,
 * the metrics that regressed first, a chart of each metric's pass-rate change with its interval (inline SVG, drawn
 * without a script), the statistics table, the flipped events with both runs side by side (output, verdict, score,
 * rationale), and the events of one run only. Every text from the data is escaped.
 *
 * <pre>{@code
 * DiffReport.write(diff, Path.of("diff.html"), "base/results.jsonl", "new/results.jsonl");
 * }</pre>
 */
public final class DiffReport {

    /** Flipped events shown in full; regressions come first, so they are the last to be cut. */
    public static final int MAX_FLIPS = 300;

    private DiffReport() {}

    /**
     * Writes the report of {@code diff} to {@code html}; {@code baseName} and {@code newName} label the two runs.
     *
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void write(DiffResult diff, Path html, String baseName, String newName) {
        Objects.requireNonNull(html, "html must not be null");
        String page = render(diff, baseName, newName);
        try {
            Files.createDirectories(html.toAbsolutePath().getParent());
            Files.writeString(html, page, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the diff report " + html, e);
        }
    }

    /** The report as a string. */
    public static String render(DiffResult d, String baseName, String newName) {
        Objects.requireNonNull(d, "diff must not be null");
        StringBuilder h = new StringBuilder(32 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src"
                        + " 'unsafe-inline'; img-src data:\">")
                .append("<title>Railguard diff</title><style>\n")
                .append(PromptResources.load(HtmlReport.class, "report/report.css")).append('\n')
                .append(PromptResources.load(DiffReport.class, "diff.css"))
                .append("\n</style></head><body>\n<header class=\"top\"><h1>Railguard diff</h1><div class=\"sub\">base ")
                .append(HtmlReport.escape(baseName)).append(" &middot; new ").append(HtmlReport.escape(newName)).append(" &middot; generated ")
                .append(HtmlReport.escape(Instant.now().toString().substring(0, 19).replace('T', ' '))).append(" UTC</div></header>\n<main>\n");
        RunDiff.Settings s = d.settings();
        long regressed = d.regressions().size();
        long improved = d.metrics().stream().filter(m -> kind(m, d).equals("improvement")).count();
        h.append("<section class=\"tiles\">");
        tile(h, "paired events", String.valueOf(d.paired()), "");
        tile(h, "metrics regressed", String.valueOf(regressed), regressed > 0 ? "bad" : "good");
        tile(h, "metrics improved", String.valueOf(improved), improved > 0 ? "good" : "");
        tile(h, "events in one run only", String.valueOf(d.unpaired().size()), d.unpaired().isEmpty() ? "" : "warn");
        tile(h, "alpha / min effect", trim(s.alpha()) + " / " + trim(s.minEffect() * 100) + " pts", "");
        h.append("</section>\n");
        if (regressed > 0) {
            h.append("<div class=\"banner\"><b>Regression.</b> ").append(HtmlReport.escape(String.join(", ",
                    d.regressions().stream().map(DiffResult.MetricDiff::metric).toList())))
                    .append(" passed significantly less often in the new run.</div>\n");
        }
        h.append("<h2>Pass-rate change per metric, ").append(trim(s.confidence() * 100))
                .append("% interval</h2>")
                .append("<div class=\"panel\">").append(chart(d)).append("</div>\n");
        table(h, d);
        flips(h, d);
        unpaired(h, d);
        h.append("<p class=\"note\">Pairs: events with the same id, or the same prompt, ground truth and nametag when"
                + " they have no id. Intervals: paired percentile bootstrap, ").append(s.resamples())
                .append(" resamples, seed ").append(s.seed()).append(". Test: exact two-sided McNemar on the flips."
                        + " An ERROR counts as not passed; a SKIPPED result leaves the pair out of that metric.</p>\n");
        h.append("</main></body></html>\n");
        return h.toString();
    }

    private static String kind(DiffResult.MetricDiff m, DiffResult d) {
        if (m.regression()) {
            return "regression";
        }
        return m.pairs() > 0 && m.delta() > 0 && m.mcnemarP() < d.settings().alpha() ? "improvement" : "neutral";
    }

    private static String chart(DiffResult d) {
        List<DiffResult.MetricDiff> metrics = d.metrics();
        double span = 0.1;
        for (DiffResult.MetricDiff m : metrics) {
            for (double v : new double[] {m.deltaInterval().low(), m.deltaInterval().high(), m.delta()}) {
                if (!Double.isNaN(v)) {
                    span = Math.max(span, Math.abs(v));
                }
            }
        }
        span = Math.min(1.0, Math.ceil(span * 10) / 10);
        int rowH = 26;
        int left = 190;
        int width = 1000;
        int plot = width - left - 40;
        int height = 30 + rowH * Math.max(1, metrics.size());
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart deltas\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"pass-rate change per metric\">");
        double zero = left + plot / 2.0;
        double scale = plot / (2 * span);
        for (double tick : new double[] {-span, -span / 2, 0, span / 2, span}) {
            double x = zero + tick * scale;
            svg.append("<text class=\"muted\" x=\"").append(fmt(x)).append("\" y=\"14\" text-anchor=\"middle\">")
                    .append(tick > 0 ? "+" : "").append(Math.round(tick * 100)).append(" pts</text>");
        }
        svg.append("<line class=\"zero\" x1=\"").append(fmt(zero)).append("\" x2=\"").append(fmt(zero))
                .append("\" y1=\"20\" y2=\"").append(height).append("\"/>");
        int y = 30;
        for (DiffResult.MetricDiff m : metrics) {
            double cy = y + rowH / 2.0;
            svg.append("<g class=\"row ").append(kind(m, d)).append("\" data-metric=\"").append(HtmlReport.escape(m.metric()))
                    .append("\"><text x=\"").append(left - 10).append("\" y=\"").append(fmt(cy + 4))
                    .append("\" text-anchor=\"end\">").append(HtmlReport.escape(m.metric())).append("</text>");
            if (m.pairs() > 0) {
                double lo = zero + m.deltaInterval().low() * scale;
                double hi = zero + m.deltaInterval().high() * scale;
                svg.append("<line class=\"ci\" x1=\"").append(fmt(lo)).append("\" x2=\"").append(fmt(Math.max(hi, lo + 1)))
                        .append("\" y1=\"").append(fmt(cy)).append("\" y2=\"").append(fmt(cy)).append("\"/>")
                        .append("<circle r=\"6\" cx=\"").append(fmt(zero + m.delta() * scale)).append("\" cy=\"")
                        .append(fmt(cy)).append("\"/>");
            } else {
                svg.append("<text class=\"muted\" x=\"").append(fmt(zero + 8)).append("\" y=\"").append(fmt(cy + 4))
                        .append("\">no pair decided in both runs</text>");
            }
            svg.append("</g>");
            y += rowH;
        }
        return svg.append("</svg>").toString();
    }

    private static void table(StringBuilder h, DiffResult d) {
        h.append("<h2>Statistics, regressions first</h2><div class=\"panel\"><table class=\"diff\"><tr><th>metric</th>"
                + "<th>pairs</th><th>base</th><th>new</th><th>change [interval]</th><th>pass&rarr;fail</th>"
                + "<th>fail&rarr;pass</th><th>McNemar p</th><th>mean score change [interval]</th><th></th></tr>");
        for (DiffResult.MetricDiff m : d.metrics()) {
            String kind = kind(m, d);
            String badge = switch (kind) {
                case "regression" -> "<span class=\"badge regressed\">regressed</span>";
                case "improvement" -> "<span class=\"badge improved\">improved</span>";
                default -> "<span class=\"badge same\">no significant change</span>";
            };
            h.append("<tr class=\"").append(kind).append("\" data-metric=\"").append(HtmlReport.escape(m.metric())).append("\"><td>")
                    .append(HtmlReport.escape(m.metric())).append(m.errorPairs() == 0 ? "" : "<div class=\"note\">" + m.errorPairs()
                            + " pairs with an ERROR, counted as not passed</div>").append("</td><td>").append(m.pairs())
                    .append("</td><td>")
                    .append(pct(m.basePassRate())).append("</td><td>").append(pct(m.newPassRate())).append("</td><td>")
                    .append(points(m.delta())).append(" [").append(points(m.deltaInterval().low())).append(", ")
                    .append(points(m.deltaInterval().high())).append("]</td><td>").append(m.passToFail())
                    .append("</td><td>").append(m.failToPass()).append("</td><td>").append(pValue(m.mcnemarP()))
                    .append("</td><td>").append(m.scoredPairs() == 0 ? "&ndash;" : signed(m.meanScoreDelta()) + " ["
                            + signed(m.scoreInterval().low()) + ", " + signed(m.scoreInterval().high()) + "]")
                    .append("</td><td>").append(badge).append("</td></tr>");
        }
        if (d.metrics().isEmpty()) {
            h.append("<tr><td colspan=\"10\" class=\"note\">No metric in the paired events.</td></tr>");
        }
        h.append("</table></div>\n");
    }

    private static void flips(StringBuilder h, DiffResult d) {
        h.append("<h2 id=\"flips\">Flipped events, pass to fail first</h2>\n");
        int shown = 0;
        int total = 0;
        for (boolean regressed : new boolean[] {true, false}) {
            for (DiffResult.MetricDiff m : d.metrics()) {
                for (DiffResult.Flip f : m.flips()) {
                    if (f.regressed() != regressed) {
                        continue;
                    }
                    total++;
                    if (shown < MAX_FLIPS) {
                        flip(h, f);
                        shown++;
                    }
                }
            }
        }
        if (total == 0) {
            h.append("<p class=\"note\">No event changed between PASS and not PASS.</p>\n");
        } else if (total > shown) {
            h.append("<p class=\"note\">").append(total - shown).append(" more flipped events are in the JSON output"
                    + " (railguard diff --json).</p>\n");
        }
    }

    private static void flip(StringBuilder h, DiffResult.Flip f) {
        String dir = f.regressed() ? "pass_to_fail" : "fail_to_pass";
        h.append("<article class=\"flip ").append(dir).append("\" data-metric=\"").append(HtmlReport.escape(f.metric()))
                .append("\"><div class=\"head\"><span class=\"badge ").append(f.regressed() ? "fail" : "pass")
                .append("\">").append(f.regressed() ? "pass &rarr; not pass" : "not pass &rarr; pass")
                .append("</span><span>metric <b>").append(HtmlReport.escape(f.metric())).append("</b></span><span>")
                .append(HtmlReport.escape(f.key())).append("</span><span>base line ").append(f.base().line())
                .append(", new line ").append(f.candidate().line()).append("</span></div>");
        if (f.base().prompt() != null) {
            h.append("<div class=\"prompt\">").append(HtmlReport.escape(abbreviate(f.base().prompt(), 600))).append("</div>");
        }
        h.append("<div class=\"sides\">");
        side(h, "base", f.base(), f.baseOutcome());
        side(h, "new", f.candidate(), f.candidateOutcome());
        h.append("</div></article>\n");
    }

    private static void side(StringBuilder h, String label, DiffEvent e, DiffEvent.Outcome o) {
        h.append("<div class=\"side ").append(label).append("\"><h3>").append(label).append(" <span class=\"badge ")
                .append(HtmlReport.escape(o.verdict())).append("\">").append(HtmlReport.escape(o.verdict())).append("</span> <span class=\"note\">")
                .append(o.score() == null ? "no score" : "score " + String.format(Locale.ROOT, "%.2f", o.score()))
                .append("</span></h3><div class=\"rationale\">").append(HtmlReport.escape(abbreviate(o.rationale(), 1200)))
                .append("</div><pre class=\"output\">").append(HtmlReport.escape(abbreviate(e.output() == null ? "" : e.output(), 3000)))
                .append("</pre></div>");
    }

    private static void unpaired(StringBuilder h, DiffResult d) {
        if (d.unpaired().isEmpty()) {
            return;
        }
        h.append("<h2>Events in one run only</h2><div class=\"panel\"><table class=\"plain unpaired\"><tr><th>run</th>"
                + "<th>line</th><th>key</th></tr>");
        for (DiffResult.Unpaired u : d.unpaired().subList(0, Math.min(500, d.unpaired().size()))) {
            h.append("<tr><td>").append(HtmlReport.escape(u.run())).append("</td><td>").append(u.line()).append("</td><td>")
                    .append(HtmlReport.escape(u.key())).append("</td></tr>");
        }
        h.append("</table></div>\n");
    }

    private static void tile(StringBuilder h, String key, String value, String cls) {
        h.append("<div class=\"tile ").append(cls).append("\"><div class=\"v\">").append(HtmlReport.escape(value))
                .append("</div><div class=\"k\">").append(HtmlReport.escape(key)).append("</div></div>");
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "&ndash;" : String.format(Locale.ROOT, "%.1f%%", v * 100);
    }

    private static String points(double v) {
        return Double.isNaN(v) ? "&ndash;" : String.format(Locale.ROOT, "%+.1f pts", v * 100);
    }

    private static String signed(double v) {
        return Double.isNaN(v) ? "&ndash;" : String.format(Locale.ROOT, "%+.3f", v);
    }

    private static String pValue(double p) {
        return p < 0.0001 ? "&lt; 0.0001" : String.format(Locale.ROOT, "%.4f", p);
    }

    /** 95, 97.5, 0.05: a setting without trailing zeros. */
    private static String trim(double v) {
        String t = String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "");
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + " ... (" + (s.length() - max) + " more characters)";
    }
}
