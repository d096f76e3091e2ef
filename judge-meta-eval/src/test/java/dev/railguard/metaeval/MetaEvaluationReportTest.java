package dev.railguard.metaeval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.railguard.api.ModelInput;
import dev.railguard.api.RunMode;
import dev.railguard.testkit.SimulatedJudges;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's three renderings and the command-line entry. */
class MetaEvaluationReportTest {

    @TempDir
    Path dir;

    @Test
    void json_table_and_html_carry_the_same_figures_and_the_page_escapes_the_data() throws Exception {
        List<LabelledCase> cases = new ArrayList<>(SimulatedData.claims(40).cases());
        LabelledDataset data = new LabelledDataset("<script>alert(1)</script>.jsonl", cases, List.of(
                new LabelledDataset.Skipped("line 3", "labels must be an object")));
        SimulatedJudges judges = SimulatedData.judges(data).errorRate(0.1).flipRate(0.1).seed(2).build();
        MetaEvaluationReport report = MetaEvaluation.builder().dataset(data)
                .panel("<b>panel</b>", SimulatedData.panel(judges))
                .modes(RunMode.FAST, RunMode.PRECISION_MAX).repeats(2).bootstrapSamples(300).build().run();
        report.write(dir);

        JsonNode json = new ObjectMapper().readTree(Files.readString(dir.resolve(MetaEvaluationReport.JSON_FILE)));
        assertThat(json.path("configurations")).hasSize(2);
        JsonNode fast = json.path("configurations").get(0);
        assertThat(fast.path("mode").asText()).isEqualTo("fast");
        MetricAgreement m = report.configuration("<b>panel</b>", RunMode.FAST).metric("correctness");
        JsonNode jm = fast.path("metrics").get(0);
        assertThat(jm.path("balanced_accuracy").path("value").asDouble()).isEqualTo(m.balancedAccuracy().value());
        assertThat(jm.path("balanced_accuracy").path("low").asDouble()).isEqualTo(m.balancedAccuracy().low());
        assertThat(jm.path("confusion").path("fail_caught").asLong()).isEqualTo(m.failCaught());
        // single-call modes have no unit with several votes: undefined, written as null
        assertThat(jm.path("verifier_disagreement").isNull()).isTrue();
        assertThat(fast.path("cost").path("judge_calls").asLong()).isEqualTo(80);
        assertThat(json.path("comparisons").get(0).path("conclusion").asText())
                .isEqualTo(report.comparisons().get(0).conclusion());
        assertThat(json.path("skipped_records").get(0).path("position").asText()).isEqualTo("line 3");

        assertThat(report.table()).contains("<b>panel</b> / fast").contains(m.balancedAccuracy().toString())
                .contains("records of the data set that could not be read (1)");

        String html = Files.readString(dir.resolve(MetaEvaluationReport.HTML_FILE));
        assertThat(html).doesNotContain("<script>").doesNotContain("<b>panel</b>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("&lt;b&gt;panel&lt;/b&gt;")
                .contains("Content-Security-Policy").contains("judge calls per evaluation");
        // one point with an interval bar per mode and panel
        assertThat(count(html, "<circle ")).isEqualTo(2);
        assertThat(count(html, "<g class=\"point\">")).isEqualTo(2);
        // the precision_max point sits to the right of the fast point (more calls per evaluation)
        Matcher cx = Pattern.compile("<circle cx=\"([0-9.]+)\"").matcher(html);
        List<Double> xs = new ArrayList<>();
        while (cx.find()) {
            xs.add(Double.parseDouble(cx.group(1)));
        }
        assertThat(xs.get(1)).isGreaterThan(xs.get(0));
    }

    @Test
    void the_command_entry_reads_the_options_runs_prints_and_writes() throws Exception {
        Path file = Files.writeString(dir.resolve("labelled.jsonl"), """
                {"id":"a","model_input":{"user_prompt":"Sky of planet 1?"},"model_output":"The sky of planet 1 is green.","labels":{"correctness":"FAIL"}}
                {"id":"b","model_input":{"user_prompt":"Sky of planet 2?"},"model_output":"The sky of planet 2 is blue.","labels":{"correctness":"PASS"}}
                {"id":"c","model_input":{"user_prompt":"Sky of planet 3?"},"model_output":"The sky of planet 3 is blue.","labels":{"correctness":"PASS"}}
                """);
        SimulatedJudges judges = SimulatedJudges.builder().truth((metric, unit) -> unit.contains("blue")).build();
        MetaEvaluationOptions options = MetaEvaluationOptions.builder().dataset(file).format("railguard")
                .modes("fast").repeats(2).seed(7).out(dir.resolve("out")).limit(2).build();
        java.io.StringWriter stdout = new java.io.StringWriter();
        java.io.StringWriter stderr = new java.io.StringWriter();
        MetaEvaluationReport report = MetaEvaluation.run(options, "simulated",
                dev.railguard.engine.JudgePanel.single("a", judges.judge("a")), dev.railguard.engine.PriceTable.NONE,
                new java.io.PrintWriter(stdout), new java.io.PrintWriter(stderr));

        assertThat(report.cases()).isEqualTo(2);
        assertThat(report.configuration("simulated", RunMode.FAST).metric("correctness").balancedAccuracy().value())
                .isEqualTo(1.0);
        String console = stdout.toString();
        assertThat(stderr.toString())
                .isEqualTo("meta-eval: simulated / fast, 2 cases x 2 repeat(s)" + System.lineSeparator());
        assertThat(console).doesNotContain("meta-eval: simulated").contains("simulated / fast").contains("wrote " + dir.resolve("out").resolve("meta-eval.json"));
        assertThat(dir.resolve("out").resolve("meta-eval.html")).exists();
    }

    @Test
    void the_command_entry_compares_several_panels_in_the_order_given() throws Exception {
        Path file = Files.writeString(dir.resolve("two.jsonl"), """
                {"id":"a","model_input":{"user_prompt":"Sky of planet 1?"},"model_output":"The sky of planet 1 is green.","labels":{"correctness":"FAIL"}}
                {"id":"b","model_input":{"user_prompt":"Sky of planet 2?"},"model_output":"The sky of planet 2 is blue.","labels":{"correctness":"PASS"}}
                """);
        SimulatedJudges right = SimulatedJudges.builder().truth((metric, unit) -> unit.contains("blue")).build();
        SimulatedJudges wrong = SimulatedJudges.builder().truth((metric, unit) -> unit.contains("blue"))
                .errorRate(1.0).build();
        Map<String, dev.railguard.engine.JudgePanel> panels = new java.util.LinkedHashMap<>();
        panels.put("model-b", dev.railguard.engine.JudgePanel.single("b", wrong.judge("b")));
        panels.put("model-a", dev.railguard.engine.JudgePanel.single("a", right.judge("a")));
        MetaEvaluationReport report = MetaEvaluation.run(MetaEvaluationOptions.builder().dataset(file).repeats(1)
                .out(dir.resolve("two")).build(), panels, dev.railguard.engine.PriceTable.NONE,
                new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(new java.io.StringWriter()));
        assertThat(report.configurations()).extracting(ConfigurationResult::panel).containsExactly("model-b", "model-a");
        assertThat(report.configuration("model-b", RunMode.FAST).metric("correctness").balancedAccuracy().value())
                .isEqualTo(0.0);
        assertThat(report.configuration("model-a", RunMode.FAST).metric("correctness").balancedAccuracy().value())
                .isEqualTo(1.0);
    }

    @Test
    void with_prices_the_report_shows_money_and_the_chart_plots_it() {
        LabelledDataset data = SimulatedData.claims(10);
        SimulatedJudges judges = SimulatedData.judges(data).build();
        MetaEvaluationReport report = MetaEvaluation.builder().dataset(data)
                .panel("priced", dev.railguard.engine.JudgePanel.single("a", judges.judge("a"))).repeats(1)
                .prices(dev.railguard.engine.PriceTable.builder().perMillionTokens("a", 1.0, 4.0).build())
                .build().run();
        RunCost cost = report.configuration("priced", RunMode.FAST).cost();
        assertThat(cost.cost()).isCloseTo((cost.inputTokens() * 1.0 + cost.outputTokens() * 4.0) / 1e6,
                org.assertj.core.api.Assertions.within(1e-12));
        assertThat(cost.cost()).isPositive();
        assertThat(report.html()).contains("cost per evaluation").doesNotContain("judge calls per evaluation");
    }

    @Test
    void options_name_the_bad_value_and_what_is_allowed() {
        Path file = dir.resolve("x.jsonl");
        assertThatThrownBy(() -> MetaEvaluationOptions.builder().dataset(file).modes("fast,turbo"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("turbo")
                .hasMessageContaining("precision_max");
        assertThatThrownBy(() -> MetaEvaluationOptions.builder().dataset(file).repeats(0).build())
                .hasMessage("repeats must be between 1 and 20, but was: 0");
        assertThatThrownBy(() -> MetaEvaluationOptions.builder().dataset(file).format("ragtruth").build())
                .hasMessageContaining("sourceInfo");
        assertThatThrownBy(() -> MetaEvaluationOptions.builder().build()).hasMessage("dataset is required, but was"
                + " missing");
        assertThatThrownBy(() -> MetaEvaluationOptions.builder().dataset(file).bootstrapSamples(10).build())
                .hasMessage("bootstrapSamples must be between 100 and 100000, but was: 10");
        assertThatThrownBy(() -> MetaEvaluation.builder().dataset(LabelledDataset.of("e", List.of())).build())
                .hasMessageContaining("at least one judge panel");
        assertThatThrownBy(() -> LabelledCase.of("x", ModelInput.ofUserPrompt("q"), "a", Map.of()))
                .hasMessage("labels of case 'x' must name at least one metric, but was: {}");
    }

    private static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
