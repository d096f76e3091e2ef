package dev.railguard.metaeval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.railguard.api.RunMode;
import dev.railguard.engine.JudgePanel;
import dev.railguard.engine.PriceTable;
import dev.railguard.engine.SelfJudging;
import dev.railguard.testkit.SimulatedJudges;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Meta-evaluation on real data as a new user meets it: HaluEval's general_data.json as published (records written
 * for this project in its shape), a duplicated id, a judge of the model that wrote the answers, and a page that says
 * why the judge and the people disagree.
 */
class RealDataTest {

    @TempDir
    Path dir;

    /** Four records in general_data.json's shape; ID 2 occurs twice, as one record of the published file does. */
    private Path general() throws Exception {
        return Files.writeString(dir.resolve("general_data.json"), """
                {"ID": "1", "user_query": "Name the sky colour of planet 1.", "chatgpt_response": "The sky of planet 1 is blue.", "hallucination_label": "no"}
                {"ID": "2", "user_query": "Name the sky colour of planet 2.", "chatgpt_response": "The sky of planet 2 is green.", "hallucination_label": "Yes"}
                {"ID": "2", "user_query": "Name the sky colour of planet 2 again.", "chatgpt_response": "Blue.", "hallucination_label": "no"}
                {"ID": "3", "user_query": "Name the sky colour of planet 3.", "chatgpt_response": "The sky of planet 3 is blue.", "hallucination_label": "maybe"}
                {"ID": "4", "user_query": "Name the sky colour of planet 4.", "chatgpt_response": "The sky of planet 4 is blue.", "hallucination_label": "yes"}
                """);
    }

    @Test
    void halueval_general_is_read_as_published_and_a_later_duplicate_id_skips_itself_with_its_line() throws Exception {
        LabelledDataset data = Datasets.read(DatasetFormat.fromWireName("halueval_general"), general(), null);

        assertThat(data.ids()).containsExactly("halueval-general-1", "halueval-general-2", "halueval-general-4");
        LabelledCase first = data.cases().get(0);
        assertThat(first.input().userPrompt()).isEqualTo("Name the sky colour of planet 1.");
        assertThat(first.output()).isEqualTo("The sky of planet 1 is blue.");
        assertThat(first.labels()).containsExactly(Map.entry("correctness", HumanLabel.PASS));
        assertThat(first.modelUsed()).isEqualTo("gpt-3.5-turbo");
        assertThat(first.source()).isEqualTo("halueval_general");
        assertThat(data.cases().get(1).labels()).containsEntry("correctness", HumanLabel.FAIL);
        assertThat(data.skipped()).containsExactly(
                new LabelledDataset.Skipped("line 3", "case id 'halueval-general-2' was already read at line 2;"
                        + " this later duplicate is skipped"),
                new LabelledDataset.Skipped("line 4", "hallucination_label must be one of [yes, no], but was:"
                        + " 'maybe'"));
    }

    @Test
    void a_duplicate_id_in_railguards_own_format_skips_the_later_record_instead_of_refusing_the_data_set()
            throws Exception {
        Path file = Files.writeString(dir.resolve("labelled.jsonl"), """
                {"id":"a","model_input":{"user_prompt":"q"},"model_output":"x","labels":{"correctness":"PASS"}}
                {"id":"a","model_input":{"user_prompt":"q2"},"model_output":"y","labels":{"correctness":"FAIL"}}
                {"id":"b","model_input":{"user_prompt":"q3"},"model_output":"z","labels":{"correctness":"FAIL"},"model_used":"gpt-4o"}
                """);
        LabelledDataset data = Datasets.railguard(file);
        assertThat(data.ids()).containsExactly("a", "b");
        assertThat(data.cases().get(0).output()).isEqualTo("x");
        assertThat(data.cases().get(1).modelUsed()).isEqualTo("gpt-4o");
        assertThat(data.skipped()).containsExactly(new LabelledDataset.Skipped("line 2",
                "case id 'a' was already read at line 1; this later duplicate is skipped"));
    }

    private MetaEvaluationReport run(Path dataset, JudgePanel panel, SelfJudging policy) {
        MetaEvaluationOptions options = MetaEvaluationOptions.builder().dataset(dataset).format("halueval_general")
                .modes("fast").repeats(1).out(dir.resolve("out")).build();
        return MetaEvaluation.run(options, Map.of("judge", panel), PriceTable.NONE,
                b -> b.selfJudging(policy).howToAllowSelfJudging("--allow-self-judging"),
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }

    @Test
    void a_judge_of_the_model_that_wrote_the_answers_is_refused_naming_the_switch_unless_allowed() throws Exception {
        SimulatedJudges judges = SimulatedJudges.builder().truth((metric, unit) -> unit.contains("blue")).build();
        JudgePanel chatgpt = JudgePanel.single("openai/gpt-3.5-turbo-0125", judges.judge("chatgpt"));

        MetaEvaluationReport refused = run(general(), chatgpt, SelfJudging.REFUSE);
        ConfigurationResult c = refused.configuration("judge", RunMode.FAST);
        assertThat(c.skippedCases()).hasSize(3).allSatisfy(s -> assertThat(s.reason()).endsWith(
                "so a model would judge its own output; add another judge to that tier, or allow it with"
                        + " --allow-self-judging"));
        assertThat(c.cost().evaluations()).isZero();

        MetaEvaluationReport allowed = run(general(), chatgpt, SelfJudging.ALLOW_WITH_WARNING);
        assertThat(allowed.configuration("judge", RunMode.FAST).skippedCases()).isEmpty();
        assertThat(allowed.configuration("judge", RunMode.FAST).metric("correctness").cases()).isEqualTo(3);
    }

    @Test
    void the_page_lists_false_alarms_and_misses_with_the_output_and_the_judges_rationale() throws Exception {
        // the simulated judge passes every "blue" sentence: case 2 (green, people FAIL) is caught, case 4 (blue,
        // people FAIL) is a miss; a false alarm comes from case 5 (people PASS, not blue)
        Path file = Files.writeString(dir.resolve("general_data.json"), Files.readString(general())
                + "{\"ID\": \"5\", \"user_query\": \"Planet 5?\", \"chatgpt_response\": \"The sky of planet 5 is"
                + " <b>red</b>.\", \"hallucination_label\": \"no\"}\n");
        SimulatedJudges judges = SimulatedJudges.builder().truth((metric, unit) -> unit.contains("blue")).build();
        MetaEvaluationReport report = run(file, JudgePanel.single("claude", judges.judge("claude")),
                SelfJudging.REFUSE);

        ConfigurationResult c = report.configuration("judge", RunMode.FAST);
        assertThat(c.disagreements()).extracting(Disagreement::caseId, Disagreement::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("halueval-general-4", "miss"),
                        org.assertj.core.groups.Tuple.tuple("halueval-general-5", "false alarm"));
        assertThat(c.disagreements()).allSatisfy(d -> assertThat(d.rationale()).isNotBlank());

        String html = Files.readString(dir.resolve("out").resolve(MetaEvaluationReport.HTML_FILE));
        assertThat(html).contains("Where the judge and the people disagree")
                .contains("1 false alarm(s) (the judge failed what people passed), 1 miss(es)")
                .contains("The sky of planet 4 is blue.").contains("The sky of planet 5 is &lt;b&gt;red&lt;/b&gt;.")
                .contains(c.disagreements().get(0).rationale().substring(0, 10))
                .doesNotContain("<b>red</b>");
        // false alarms come first on the page
        assertThat(html.indexOf("planet 5 is")).isLessThan(html.indexOf("The sky of planet 4 is blue."));

        JsonNode json = new ObjectMapper().readTree(Files.readString(dir.resolve("out")
                .resolve(MetaEvaluationReport.JSON_FILE)));
        JsonNode disagreements = json.path("configurations").get(0).path("disagreements");
        assertThat(disagreements).hasSize(2);
        assertThat(disagreements.get(1).path("output").asText()).isEqualTo("The sky of planet 5 is <b>red</b>.");
        assertThat(disagreements.get(1).path("kind").asText()).isEqualTo("false alarm");
    }
}
