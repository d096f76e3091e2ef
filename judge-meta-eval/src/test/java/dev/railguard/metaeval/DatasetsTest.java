package dev.railguard.metaeval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each reader on a few records written for this project in the public format's shape (no third-party data). */
class DatasetsTest {

    @TempDir
    Path dir;

    @Test
    void railguard_lines_with_metric_and_unit_labels_and_a_bad_line_that_skips_itself() throws IOException {
        Path file = write("labelled.jsonl", """
                {"id":"r1","model_input":{"user_prompt":"Refund window?","documents":["Refunds within 30 days."]},"model_output":"You have 30 days.\\nShipping is free.","labels":{"context_adherence":"FAIL","correctness":"pass"},"unit_labels":{"context_adherence":[{"text":"You have 30 days.","label":"PASS"},{"text":"Shipping is free.","label":"FAIL"}]},"source":"support-review"}

                {"id":"r2","model_input":{"system_prompt":"Be brief.","context":[{"role":"user","content":"hi"}],"ground_truth":"Paris"},"model_output":"Paris.","labels":{"ground_truth_adherence":"PASS"}}
                {"id":"r3","model_input":{"user_prompt":"x"},"model_output":"y","labels":{"correctness":"MAYBE"}}
                not json
                {"model_input":{"user_prompt":"x"},"model_output":"y","labels":{}}
                """);
        LabelledDataset data = Datasets.railguard(file);

        assertThat(data.ids()).containsExactly("r1", "r2");
        LabelledCase r1 = data.cases().get(0);
        assertThat(r1.labels()).containsEntry("context_adherence", HumanLabel.FAIL)
                .containsEntry("correctness", HumanLabel.PASS);
        assertThat(r1.input().documents()).containsExactly("Refunds within 30 days.");
        assertThat(r1.source()).isEqualTo("support-review");
        assertThat(data.unitTruth("context_adherence")).containsEntry("Shipping is free.", HumanLabel.FAIL)
                .containsEntry("You have 30 days.", HumanLabel.PASS);
        LabelledCase r2 = data.cases().get(1);
        assertThat(r2.input().groundTruth()).isEqualTo("Paris");
        assertThat(r2.input().context()).hasSize(1);
        assertThat(data.metrics()).containsExactly("context_adherence", "correctness", "ground_truth_adherence");

        assertThat(data.skipped()).extracting(LabelledDataset.Skipped::position)
                .containsExactly("line 4", "line 5", "line 6");
        assertThat(data.skipped().get(0).reason())
                .isEqualTo("labels.correctness must be one of [PASS, FAIL], but was: 'MAYBE'");
        assertThat(data.skipped().get(1).reason()).startsWith("the line is not JSON");
        assertThat(data.skipped().get(2).reason()).startsWith("labels must be an object");
    }

    @Test
    void halueval_qa_gives_a_right_and_a_hallucinated_case_per_record_on_two_metrics() throws IOException {
        String record = "{\"knowledge\":\"The Kestrel Bridge opened in 1931 and spans the Ovel river.\","
                + "\"question\":\"When did the Kestrel Bridge open?\",\"right_answer\":\"1931\","
                + "\"hallucinated_answer\":\"It opened in 1958 after a public vote.\"}";
        Path lines = write("qa_data.json", record + "\n{\"question\":\"no knowledge\",\"right_answer\":\"a\","
                + "\"hallucinated_answer\":\"b\"}\n");
        LabelledDataset data = Datasets.haluEvalQa(lines);

        assertThat(data.ids()).containsExactly("halueval-1-right", "halueval-1-hallucinated");
        LabelledCase wrong = data.cases().get(1);
        assertThat(wrong.output()).isEqualTo("It opened in 1958 after a public vote.");
        assertThat(wrong.labels()).containsEntry("correctness", HumanLabel.FAIL)
                .containsEntry("context_adherence", HumanLabel.FAIL);
        assertThat(wrong.input().userPrompt()).isEqualTo("When did the Kestrel Bridge open?");
        assertThat(wrong.input().documents()).containsExactly("The Kestrel Bridge opened in 1931 and spans the Ovel"
                + " river.");
        assertThat(data.cases().get(0).labels()).containsEntry("correctness", HumanLabel.PASS);
        assertThat(data.skipped()).singleElement().satisfies(s -> {
            assertThat(s.position()).isEqualTo("line 2");
            assertThat(s.reason()).isEqualTo("knowledge is required, but was missing");
        });

        // the qa_samples variant: one answer with a yes/no label
        LabelledDataset samples = Datasets.haluEvalQa(write("qa_samples.json", "{\"knowledge\":\"The Kestrel Bridge"
                + " opened in 1931.\",\"question\":\"When did it open?\",\"answer\":\"In 1958.\","
                + "\"hallucination\":\"yes\"}\n{\"knowledge\":\"k\",\"question\":\"q\",\"answer\":\"a\","
                + "\"hallucination\":\"maybe\"}\n"));
        assertThat(samples.ids()).containsExactly("halueval-1");
        assertThat(samples.cases().get(0).labels()).containsEntry("correctness", HumanLabel.FAIL)
                .containsEntry("context_adherence", HumanLabel.FAIL);
        assertThat(samples.skipped().get(0).reason()).isEqualTo("hallucination must be one of [yes, no], but was:"
                + " 'maybe'");

        // the same record as a JSON array
        LabelledDataset array = Datasets.haluEvalQa(write("qa_array.json", "[" + record + "]"));
        assertThat(array.ids()).containsExactly("halueval-1-right", "halueval-1-hallucinated");
    }

    @Test
    void truthfulqa_csv_with_quoted_commas_and_semicolon_separated_answers() throws IOException {
        Path csv = write("TruthfulQA.csv", """
                Type,Category,Question,Best Answer,Correct Answers,Incorrect Answers,Source
                Adversarial,Misconceptions,"What happens if you crack your knuckles, often?",Nothing in particular happens,Nothing in particular happens; It may annoy people,"You will get arthritis, eventually; Your knuckles swell",https://example.org/knuckles
                Non-Adversarial,Science,Is the Moon made of cheese?,No,No; It is made of rock,,https://example.org/moon
                """);
        LabelledDataset data = Datasets.truthfulQa(csv);

        assertThat(data.ids()).containsExactly("truthfulqa-1-best", "truthfulqa-1-incorrect");
        assertThat(data.cases().get(0).input().userPrompt())
                .isEqualTo("What happens if you crack your knuckles, often?");
        assertThat(data.cases().get(0).labels()).containsExactly(java.util.Map.entry("correctness", HumanLabel.PASS));
        assertThat(data.cases().get(1).output()).isEqualTo("You will get arthritis, eventually");
        assertThat(data.cases().get(1).labels()).containsEntry("correctness", HumanLabel.FAIL);
        assertThat(data.skipped()).singleElement().satisfies(s -> {
            assertThat(s.position()).isEqualTo("row 2");
            assertThat(s.reason()).contains("Incorrect Answers is required");
        });
    }

    @Test
    void truthfulqa_json_lines_of_the_generation_configuration() throws IOException {
        Path lines = write("truthful_qa.jsonl", "{\"type\":\"Adversarial\",\"category\":\"Health\",\"question\":\"Does"
                + " cold weather give you a cold?\",\"best_answer\":\"No, colds are caused by viruses\","
                + "\"correct_answers\":[\"No\"],\"incorrect_answers\":[\"Yes, cold weather gives you a cold\"],"
                + "\"source\":\"https://example.org\"}\n");
        LabelledDataset data = Datasets.truthfulQa(lines);
        assertThat(data.cases()).extracting(LabelledCase::output)
                .containsExactly("No, colds are caused by viruses", "Yes, cold weather gives you a cold");
    }

    @Test
    void ragtruth_joins_responses_with_their_sources_and_labels_by_hallucination_spans() throws IOException {
        Path sources = write("source_info.jsonl", """
                {"source_id":"s1","task_type":"QA","source":"MARCO","source_info":{"question":"how long to boil an egg","passages":"passage 1: Boil eggs for 9 minutes."},"prompt":"Briefly answer..."}
                {"source_id":"s2","task_type":"Summary","source":"CNN/DM","source_info":"The town council met on Monday and approved the budget.","prompt":"Summarize..."}
                """);
        Path responses = write("response.jsonl", """
                {"id":"1","source_id":"s1","model":"m","temperature":0.7,"labels":[],"split":"test","quality":"good","response":"Boil them for 9 minutes."}
                {"id":"2","source_id":"s2","model":"m","temperature":0.7,"labels":[{"start":30,"end":37,"text":"Tuesday","meta":"","label_type":"Evident Conflict"}],"split":"train","quality":"good","response":"The town council met on Tuesday."}
                {"id":"3","source_id":"s9","model":"m","labels":[],"split":"test","response":"orphan"}
                """);
        LabelledDataset all = Datasets.ragTruth(responses, sources, null);

        assertThat(all.ids()).containsExactly("ragtruth-1", "ragtruth-2");
        LabelledCase qa = all.cases().get(0);
        assertThat(qa.labels()).containsEntry("context_adherence", HumanLabel.PASS);
        assertThat(qa.input().userPrompt()).isEqualTo("how long to boil an egg");
        assertThat(qa.input().documents()).containsExactly("passage 1: Boil eggs for 9 minutes.");
        LabelledCase summary = all.cases().get(1);
        assertThat(summary.labels()).containsEntry("context_adherence", HumanLabel.FAIL);
        assertThat(summary.input().documents()).containsExactly("The town council met on Monday and approved the"
                + " budget.");
        assertThat(all.skipped()).singleElement().satisfies(s -> assertThat(s.reason())
                .isEqualTo("source_id 's9' is not in source_info.jsonl"));

        assertThat(Datasets.ragTruth(responses, sources, "test").ids()).containsExactly("ragtruth-1");
        assertThatThrownBy(() -> Datasets.ragTruth(responses, sources, "dev"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("split must be one of [train, test] or null, but was: 'dev'");
    }

    @Test
    void read_by_format_name_and_its_errors() throws IOException {
        Path file = write("one.jsonl", "{\"model_input\":{\"user_prompt\":\"q\"},\"model_output\":\"a\","
                + "\"labels\":{\"correctness\":\"PASS\"}}\n");
        assertThat(Datasets.read(DatasetFormat.fromWireName("railguard"), file, null).ids())
                .containsExactly("line-1");
        assertThatThrownBy(() -> DatasetFormat.fromWireName("squad")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("format must be one of [railguard, halueval_qa, halueval_general, truthfulqa, ragtruth], but was: 'squad'");
        assertThatThrownBy(() -> Datasets.read(DatasetFormat.RAGTRUTH, file, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("source_info.jsonl");
        assertThatThrownBy(() -> LabelledDataset.of("dup", List.of(Datasets.railguard(file).cases().get(0),
                Datasets.railguard(file).cases().get(0)))).hasMessageContaining("'line-1' occurs twice");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
