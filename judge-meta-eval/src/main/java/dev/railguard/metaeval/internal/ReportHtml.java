package dev.railguard.metaeval.internal;

import dev.railguard.report.HtmlReport;
import dev.railguard.metaeval.ConfigurationResult;
import dev.railguard.metaeval.Disagreement;
import dev.railguard.metaeval.HumanLabel;
import dev.railguard.metaeval.Estimate;
import dev.railguard.metaeval.MetaEvaluationReport;
import dev.railguard.metaeval.MetricAgreement;
import dev.railguard.metaeval.ModeComparison;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The HTML page of a meta-evaluation report: per metric an SVG chart of cost against agreement (one point per mode
 * and panel, balanced accuracy with its 95% interval as a bar; cost is money per evaluation when prices were set,
 * judge calls per evaluation otherwise), the comparisons' conclusions, and a table of every figure with its interval.
 * Everything is drawn in Java: the page has no script, and a Content-Security-Policy forbids any fetch. Every text
 * from the data goes through {@link #esc}.
 */
public final class ReportHtml {

    private static final String[] COLOURS = {"#3b6fd8", "#d64541", "#2e9d5b", "#e8932a", "#8e44ad", "#16a2b8"};
    private static final int W = 640;
    private static final int H = 340;
    private static final int LEFT = 56;
    private static final int RIGHT = 110;
    private static final int TOP = 16;
    private static final int BOTTOM = 44;

    private static final String CSS = """
            :root { --pass: #2e9d5b; --fail: #d64541; --ink: #1f2933; --muted: #616e7c; --line: #e4e7eb;
                    --bg: #f7f8fa; --card: #ffffff; --accent: #3b6fd8; }
            body { margin: 0; font: 14px/1.45 -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink);
                   background: var(--bg); }
            header.top { background: #1f2933; color: #fff; padding: 18px 28px; }
            header.top h1 { margin: 0; font-size: 20px; font-weight: 600; }
            header.top .sub { color: #cbd2d9; font-size: 13px; margin-top: 4px; }
            main { padding: 20px 28px 40px; max-width: 1280px; margin: 0 auto; }
            h2 { font-size: 16px; margin: 28px 0 10px; }
            .panel { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 14px 16px;
                     margin-bottom: 14px; overflow-x: auto; }
            .legend { display: flex; gap: 14px; font-size: 12px; color: var(--muted); margin-bottom: 6px; }
            .legend i { display: inline-block; width: 10px; height: 10px; border-radius: 5px; margin-right: 4px; }
            svg text { font: 11px -apple-system, "Segoe UI", Roboto, Arial, sans-serif; fill: var(--ink); }
            svg .axis { stroke: var(--line); } svg text.muted { fill: var(--muted); }
            table.figures { border-collapse: collapse; width: 100%; font-size: 13px; }
            table.figures th, table.figures td { text-align: left; padding: 4px 8px; border-top: 1px solid var(--line);
                     white-space: nowrap; font-variant-numeric: tabular-nums; }
            table.figures th { color: var(--muted); font-weight: 600; font-size: 12px; }
            ul.conclusions li { margin: 4px 0; } .gain { color: var(--pass); } .none { color: var(--muted); }
            .loss { color: var(--fail); } .note { color: var(--muted); font-size: 13px; }
            table.figures td.text { white-space: pre-wrap; min-width: 240px; max-width: 520px; }
            """;

    /** The most disagreeing cases the page lists per configuration. */
    static final int MAX_DISAGREEMENTS = 200;

    private ReportHtml() {}

    /** The page. */
    public static String render(MetaEvaluationReport report) {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src"
                        + " 'unsafe-inline'\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>How far can you trust the judge? ").append(HtmlReport.escape(report.dataset())).append("</title>")
                .append("<style>").append(CSS).append("</style></head><body>");
        h.append("<header class=\"top\"><h1>How far can you trust the judge?</h1><div class=\"sub\">")
                .append(HtmlReport.escape(report.dataset())).append(": ").append(report.cases()).append(" cases, ")
                .append(report.repeats()).append(" repeat(s) each; 95% intervals from ")
                .append(report.bootstrapSamples()).append(" bootstrap samples (seed ").append(report.seed())
                .append("); FAIL is the positive class</div></header><main>");
        boolean priced = report.configurations().stream().anyMatch(c -> c.cost().cost() > 0);
        Set<String> metrics = new LinkedHashSet<>();
        report.configurations().forEach(c -> c.metrics().forEach(m -> metrics.add(m.metric())));
        List<String> panels = report.configurations().stream().map(ConfigurationResult::panel).distinct().toList();
        for (String metric : metrics) {
            h.append("<h2>").append(HtmlReport.escape(metric)).append(": cost against agreement</h2><div class=\"panel\">");
            h.append("<div class=\"legend\">");
            for (int i = 0; i < panels.size(); i++) {
                h.append("<span><i style=\"background:").append(COLOURS[i % COLOURS.length]).append("\"></i>")
                        .append(HtmlReport.escape(panels.get(i))).append("</span>");
            }
            h.append("</div>").append(chart(report, metric, panels, priced)).append("<div class=\"note\">")
                    .append("Each point is one run mode with one panel; the bar is the 95% interval of its balanced"
                            + " accuracy. Pick the cheapest point whose interval clears your bar.</div></div>");
        }
        if (!report.comparisons().isEmpty()) {
            h.append("<h2>What each mode buys</h2><div class=\"panel\"><ul class=\"conclusions\">");
            for (ModeComparison c : report.comparisons()) {
                String css = c.measurableGain() ? "gain"
                        : c.balancedAccuracyGain().defined() && c.balancedAccuracyGain().high() < 0 ? "loss" : "none";
                h.append("<li class=\"").append(css).append("\"><b>").append(HtmlReport.escape(c.panel())).append(", ")
                        .append(HtmlReport.escape(c.metric())).append("</b>: ").append(HtmlReport.escape(c.conclusion())).append("</li>");
            }
            h.append("</ul></div>");
        }
        disagreements(h, report);
        h.append("<h2>Every figure</h2><div class=\"panel\"><table class=\"figures\"><tr><th>panel / mode</th>")
                .append("<th>metric</th><th>cases</th><th>balanced accuracy</th><th>kappa</th><th>MCC</th>")
                .append("<th>precision (FAIL)</th><th>recall (FAIL)</th><th>flip rate</th><th>unjudged</th>")
                .append("<th>calls / eval</th><th>tokens / eval</th><th>cost / eval</th><th>p50 / p95 ms</th>")
                .append("<th>units: balanced accuracy (matched / labelled)</th></tr>");
        for (ConfigurationResult c : report.configurations()) {
            for (MetricAgreement m : c.metrics()) {
                h.append("<tr><td>").append(HtmlReport.escape(c.label())).append("</td><td>").append(HtmlReport.escape(m.metric()))
                        .append("</td><td>").append(m.cases()).append("</td>");
                for (Estimate e : List.of(m.balancedAccuracy(), m.kappa(), m.mcc(), m.precisionFail(),
                        m.recallFail(), m.flipRate())) {
                    h.append("<td>").append(HtmlReport.escape(e.toString())).append("</td>");
                }
                h.append("<td>").append(m.unjudged()).append("</td><td>")
                        .append(ReportTable.num(c.cost().callsPerEvaluation(), 2)).append("</td><td>")
                        .append(ReportTable.num(c.cost().tokensPerEvaluation(), 0)).append("</td><td>")
                        .append(ReportTable.num(c.cost().costPerEvaluation(), 5)).append("</td><td>")
                        .append(ReportTable.num(c.cost().p50Millis(), 1)).append(" / ")
                        .append(ReportTable.num(c.cost().p95Millis(), 1)).append("</td><td>")
                        .append(m.units().present() ? HtmlReport.escape(m.units().balancedAccuracy() + " (" + m.units().matched()
                                + " / " + m.units().labelled() + ")") : "").append("</td></tr>");
            }
        }
        h.append("</table></div>");
        h.append("<h2>As on the console</h2><div class=\"panel\"><pre>").append(HtmlReport.escape(ReportTable.render(report)))
                .append("</pre></div>");
        return h.append("</main></body></html>\n").toString();
    }

    /**
     * Per configuration, the cases where the judge and the people disagree, false alarms first, each with the output
     * and the judge's rationale; at most {@value #MAX_DISAGREEMENTS} per configuration (all are in the JSON file).
     */
    private static void disagreements(StringBuilder h, MetaEvaluationReport report) {
        h.append("<h2>Where the judge and the people disagree</h2>");
        for (ConfigurationResult c : report.configurations()) {
            List<Disagreement> all = new ArrayList<>(c.disagreements());
            all.sort(Comparator.comparing((Disagreement d) -> d.human() == HumanLabel.FAIL));
            long falseAlarms = all.stream().filter(d -> d.human() == HumanLabel.PASS).count();
            h.append("<div class=\"panel disagreements\"><b>").append(HtmlReport.escape(c.label())).append("</b>: ")
                    .append(falseAlarms).append(" false alarm(s) (the judge failed what people passed), ")
                    .append(all.size() - falseAlarms).append(" miss(es) (the judge passed what people failed)");
            if (all.isEmpty()) {
                h.append("</div>");
                continue;
            }
            h.append("<table class=\"figures\"><tr><th>case</th><th>metric</th><th>kind</th><th>repeat</th>")
                    .append("<th>output</th><th>the judge's rationale</th></tr>");
            for (Disagreement d : all.subList(0, Math.min(MAX_DISAGREEMENTS, all.size()))) {
                h.append("<tr class=\"").append(d.human() == HumanLabel.PASS ? "false-alarm" : "miss")
                        .append("\"><td>").append(HtmlReport.escape(d.caseId())).append("</td><td>")
                        .append(HtmlReport.escape(d.metric())).append("</td><td>").append(d.kind())
                        .append("</td><td>").append(d.repeat()).append("</td><td class=\"text\">")
                        .append(HtmlReport.escape(d.output())).append("</td><td class=\"text\">")
                        .append(HtmlReport.escape(d.rationale())).append("</td></tr>");
            }
            h.append("</table>");
            if (all.size() > MAX_DISAGREEMENTS) {
                h.append("<div class=\"note\">").append(all.size() - MAX_DISAGREEMENTS)
                        .append(" more in meta-eval.json</div>");
            }
            h.append("</div>");
        }
    }

    private static String chart(MetaEvaluationReport report, String metric, List<String> panels, boolean priced) {
        List<double[]> points = new ArrayList<>(); // x, y, low, high, panel index
        List<String> labels = new ArrayList<>();
        for (ConfigurationResult c : report.configurations()) {
            for (MetricAgreement m : c.metrics()) {
                double x = priced ? c.cost().costPerEvaluation() : c.cost().callsPerEvaluation();
                Estimate ba = m.balancedAccuracy();
                if (m.metric().equals(metric) && ba.defined() && !Double.isNaN(x)) {
                    points.add(new double[] {x, ba.value(), nanTo(ba.low(), ba.value()), nanTo(ba.high(), ba.value()),
                            panels.indexOf(c.panel())});
                    labels.add(c.mode().wireName());
                }
            }
        }
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(W).append("\" height=\"").append(H)
                .append("\" viewBox=\"0 0 ").append(W).append(' ').append(H).append("\" role=\"img\" aria-label=\"")
                .append(HtmlReport.escape(metric)).append(": balanced accuracy against cost\">");
        double step = niceStep(points.stream().mapToDouble(p -> p[0]).max().orElse(1) * 1.1);
        double maxX = step * Math.ceil(points.stream().mapToDouble(p -> p[0]).max().orElse(1) * 1.1 / step);
        double minY = Math.floor(Math.min(0.5, points.stream().mapToDouble(p -> p[2]).min().orElse(0.5)) * 10) / 10;
        double plotW = W - LEFT - RIGHT;
        double plotH = H - TOP - BOTTOM;
        for (int t = 0; t <= 5; t++) {
            double y = minY + (1 - minY) * t / 5;
            double py = TOP + plotH * (1 - (y - minY) / (1 - minY));
            s.append(line(LEFT, py, W - RIGHT, py, "axis"))
                    .append(text(LEFT - 6, py + 4, fmt(y, 2), "end", "muted"));
        }
        int decimals = step >= 1 ? 0 : (int) Math.ceil(-Math.log10(step) - 1e-9);
        for (int k = 0; k * step <= maxX + step / 2; k++) {
            double x = k * step;
            double px = LEFT + plotW * x / maxX;
            s.append(line(px, TOP, px, TOP + plotH, "axis"))
                    .append(text(px, TOP + plotH + 16, fmt(x, decimals), "middle", "muted"));
        }
        s.append(text(LEFT + plotW / 2, H - 6, priced ? "cost per evaluation" : "judge calls per evaluation",
                "middle", "muted"));
        s.append("<text x=\"14\" y=\"").append(fmt(TOP + plotH / 2, 1)).append("\" text-anchor=\"middle\" class=\"muted\""
                + " transform=\"rotate(-90 14 ").append(fmt(TOP + plotH / 2, 1)).append(")\">balanced accuracy</text>");
        for (int i = 0; i < points.size(); i++) {
            double[] p = points.get(i);
            // panels side by side at the same cost, a few pixels apart, so no point hides another
            double px = LEFT + plotW * p[0] / maxX + (p[4] - (panels.size() - 1) / 2.0) * 9;
            String colour = COLOURS[(int) p[4] % COLOURS.length];
            double yv = TOP + plotH * (1 - (p[1] - minY) / (1 - minY));
            double yl = TOP + plotH * (1 - (p[2] - minY) / (1 - minY));
            double yh = TOP + plotH * (1 - (p[3] - minY) / (1 - minY));
            s.append("<g class=\"point\"><title>").append(HtmlReport.escape(panels.get((int) p[4]) + " / " + labels.get(i) + ": "
                    + fmt(p[1], 3) + " [" + fmt(p[2], 3) + ", " + fmt(p[3], 3) + "]")).append("</title>");
            s.append("<line x1=\"").append(fmt(px, 1)).append("\" y1=\"").append(fmt(yl, 1)).append("\" x2=\"")
                    .append(fmt(px, 1)).append("\" y2=\"").append(fmt(yh, 1)).append("\" stroke=\"").append(colour)
                    .append("\" stroke-width=\"2\"/>");
            for (double cap : new double[] {yl, yh}) {
                s.append(line(px - 4, cap, px + 4, cap, null).replace("/>", " stroke=\"" + colour + "\"/>"));
            }
            s.append("<circle cx=\"").append(fmt(px, 1)).append("\" cy=\"").append(fmt(yv, 1))
                    .append("\" r=\"4.5\" fill=\"").append(colour).append("\"/>");
            // one mode label per cluster of points at the same cost (the legend tells the panels apart)
            boolean labelled = false;
            for (int j = 0; j < i; j++) {
                labelled |= labels.get(j).equals(labels.get(i)) && Math.abs(points.get(j)[0] - p[0]) < maxX / 20;
            }
            if (!labelled) {
                s.append(text(px + 8 + 9 * (panels.size() - 1 - p[4]), yv - 6, labels.get(i), "start", null));
            }
            s.append("</g>");
        }
        return s.append("</svg>").toString();
    }

    /** A round tick step (1, 2 or 5 times a power of ten) giving about five ticks up to {@code max}. */
    static double niceStep(double max) {
        if (!(max > 0)) {
            return 1;
        }
        double raw = max / 5;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / power;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
    }

    private static double nanTo(double v, double fallback) {
        return Double.isNaN(v) ? fallback : v;
    }

    private static String line(double x1, double y1, double x2, double y2, String css) {
        return "<line x1=\"" + fmt(x1, 1) + "\" y1=\"" + fmt(y1, 1) + "\" x2=\"" + fmt(x2, 1) + "\" y2=\"" + fmt(y2, 1)
                + "\"" + (css == null ? "" : " class=\"" + css + "\"") + "/>";
    }

    private static String text(double x, double y, String text, String anchor, String css) {
        return "<text x=\"" + fmt(x, 1) + "\" y=\"" + fmt(y, 1) + "\" text-anchor=\"" + anchor + "\""
                + (css == null ? "" : " class=\"" + css + "\"") + ">" + HtmlReport.escape(text) + "</text>";
    }

    private static String fmt(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
