package dev.railguard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad project files: each row a file and the whole expected problem, {@code file:line:column: key: message}, so a
 * vaguer message, a wrong line or a missing key fails the row.
 */
class ProjectFileBadInputTest {

    /** Every metric installed on this class path, as the messages list them. */
    private static final String BUILT_INS = " [answer_relevance, bleu, chrf, completeness, comprehensive_safety,"
            + " context_adherence, context_precision, context_recall, context_relevance, conversation_completeness,"
            + " correctness, exact_match, ground_truth_adherence, instruction_adherence, json_equals, json_schema,"
            + " knowledge_retention, levenshtein, numeric_match, pii, role_adherence, rouge_l, task_completion,"
            + " token_f1, tool_call_accuracy]";


    @TempDir
    static Path dir;

    @BeforeEach
    void data() throws IOException {
        Files.writeString(dir.resolve("qa.csv"), "question,answer\nWhat is 2+2?,4\n");
        Files.writeString(dir.resolve("events.jsonl"), "{\"model_input\":{\"user_prompt\":\"q\"},\"model_output\":\"a\"}\n");
    }

    static Stream<Arguments> cases() {
        return Stream.of(
            Arguments.of("unknown top-level key", "judgez: []\n",
                    "1:1: judgez: unknown key 'judgez'; allowed here: [version, judges, run_mode, self_judging,"
                            + " cache_dir, store, batch_api, metrics, datasets, gates, output]"),
            Arguments.of("unknown judge key", "judges:\n  - provider: openai\n    model: gpt-4o\n    temprature: 0\n",
                    "4:5: judges[0].temprature: unknown key 'temprature'; allowed here: [name, provider, model,"
                            + " aliases, base_url, api_key, tiers, timeout_seconds, limits, prices]"),
            Arguments.of("wrong type", "judges:\n  - provider: openai\n    model: gpt-4o\n    timeout_seconds: soon\n",
                    "4:5: judges[0].timeout_seconds: must be a whole number, but was: 'soon'"),
            Arguments.of("unknown provider", "judges:\n  - provider: antropic\n    model: claude\n",
                    "2:5: judges[0].provider: must be one of [openai, azure-openai, anthropic, gemini, ollama], but"
                            + " was: 'antropic'"),
            Arguments.of("missing model", "judges:\n  - provider: openai\n",
                    "2:5: judges[0]: the key 'model' is required here"),
            Arguments.of("a literal key", "judges:\n  - provider: openai\n    model: gpt-4o\n"
                    + "    api_key: sk-proj-abcdefghijklmnopqrstuvwxyz0123456789\n",
                    "4:5: judges[0].api_key: a key may only be given by reference to an environment variable, like"
                            + " ${ANTHROPIC_API_KEY}; a literal key in the file is refused (its value is not shown)"),
            Arguments.of("an unset variable", "judges:\n  - provider: anthropic\n    model: claude-haiku-4-5\n"
                    + "    api_key: ${RAILGUARD_TEST_UNSET_KEY}\n",
                    "4:5: judges[0].api_key: the environment variable RAILGUARD_TEST_UNSET_KEY is not set"),
            Arguments.of("azure without endpoint", "judges:\n  - provider: azure-openai\n    model: my-deployment\n",
                    "2:5: judges[0].provider: provider azure-openai needs base_url: the v1 endpoint of your resource,"
                            + " https://RESOURCE.openai.azure.com/openai/v1"),
            Arguments.of("two judges of one name", "judges:\n  - provider: openai\n    model: gpt-4o\n"
                    + "  - provider: ollama\n    model: gpt-4o\n",
                    "5:5: judges[1].model: judge name 'gpt-4o' is taken by judges[0]; give each judge its own name"),
            Arguments.of("threshold out of range", "metrics:\n  correctness:\n    threshold: 1.5\n",
                    "3:5: metrics.correctness.threshold: must have a maximum value of 1, but was: 1.5"),
            Arguments.of("unknown built-in", "metrics:\n  corectness:\n    threshold: 0.8\n",
                    "2:3: metrics.corectness: 'corectness' is not a built-in metric; built-ins are" + BUILT_INS + ", or give it a kind, one of [bleu, chrf,"
                            + " contains, criteria, exact_match, json_equals, json_schema, levenshtein, numeric_match,"
                            + " pii, regex, rouge_l, token_f1]"),
            Arguments.of("bad regex", "metrics:\n  no_links:\n    kind: regex\n    must_not_match: \"(unclosed\"\n",
                    "4:5: metrics.no_links.must_not_match: is not a Java regular expression: Unclosed group near"
                            + " index 9"),
            Arguments.of("regex with both", "metrics:\n  x:\n    kind: regex\n    must_match: a\n    must_not_match: b\n",
                    "5:5: metrics.x.must_not_match: a regex metric takes exactly one of [must_match, must_not_match],"
                            + " but had [must_match, must_not_match]"),
            Arguments.of("key of another kind", "metrics:\n  x:\n    kind: pii\n    none: [a]\n",
                    "4:5: metrics.x.none: is not a key of kind pii; its keys are [min_score, phone_regions, types] and"
                            + " threshold"),
            Arguments.of("an option of another reference metric", "metrics:\n  x:\n    kind: bleu\n    ignore_case: true\n",
                    "4:5: metrics.x.ignore_case: is not a key of kind bleu; its only key is threshold"),
            Arguments.of("chrf order out of range", "metrics:\n  x:\n    kind: chrf\n    char_order: 30\n",
                    "4:5: metrics.x.char_order: must have a maximum value of 20, but was: 30"),
            Arguments.of("negative tolerance", "metrics:\n  x:\n    kind: numeric_match\n    relative_tolerance: -0.1\n",
                    "4:5: metrics.x.relative_tolerance: must have a minimum value of 0, but was: -0.1"),
            Arguments.of("an unknown phone region", "metrics:\n  x:\n    kind: pii\n    phone_regions: [US, XX]\n",
                    "4:5: metrics.x.phone_regions: must be region codes libphonenumber knows (such as US, GB, DE), but"
                            + " was: 'XX'"),
            Arguments.of("pii min_score out of range", "metrics:\n  x:\n    kind: pii\n    min_score: 2\n",
                    "4:5: metrics.x.min_score: must have a maximum value of 1, but was: 2"),
            Arguments.of("criteria without criteria", "metrics:\n  tone:\n    kind: criteria\n    unit: sentence\n",
                    "2:3: metrics.tone: criteria of metric 'tone' must be set: say in a sentence what a good output"
                            + " does, for example criteria(\"Polite, and ends with a concrete next step.\")"),
            Arguments.of("criteria unit", "metrics:\n  tone:\n    kind: criteria\n    criteria: Polite.\n    unit: paragraph\n",
                    "5:5: metrics.tone.unit: must be one of [output, claim, sentence, list_item, turn], but was:"
                            + " 'paragraph'"),
            Arguments.of("criteria input", "metrics:\n  tone:\n    kind: criteria\n    criteria: Polite.\n    inputs: [docs]\n",
                    "5:14: metrics.tone.inputs[0]: must be one of [prompt, context, documents, ground_truth, tool_calls],"
                            + " but was: 'docs'"),
            Arguments.of("criteria scale", "metrics:\n  tone:\n    kind: criteria\n    criteria: Polite.\n    scale: [Rude.]\n",
                    "5:5: metrics.tone.scale: must hold at least 2 items, but had 1"),
            Arguments.of("criteria scale word", "metrics:\n  tone:\n    kind: criteria\n    criteria: Polite.\n    scale: rubric\n",
                    "5:5: metrics.tone.scale: must be pass_fail or a rubric: a list of 2 to 10 sentences, one per band"
                            + " from worst to best, but was: 'rubric'"),
            Arguments.of("criteria steps", "metrics:\n  tone:\n    kind: criteria\n    criteria: Polite.\n    evaluation_steps: [\"\"]\n",
                    "5:24: metrics.tone.evaluation_steps[0]: must be at least 1 characters long, but was: ''"),
            Arguments.of("an alias of two models", "judges:\n  - provider: ollama\n    model: llama3.1\n    aliases: [prod]\n"
                    + "  - provider: ollama\n    model: qwen2.5\n    aliases: [prod]\n",
                    "7:15: judges[1].aliases[0]: alias 'prod' already names model 'llama3.1', so it cannot also name"
                            + " 'qwen2.5'"),
            Arguments.of("a blank alias", "judges:\n  - provider: ollama\n    model: llama3.1\n    aliases: [\"\"]\n",
                    "4:15: judges[0].aliases[0]: must be at least 1 characters long, but was: ''"),
            Arguments.of("pii type", "metrics:\n  x:\n    kind: pii\n    types: [email_address, passport]\n",
                    "4:28: metrics.x.types[1]: must be one of [email_address, phone_number, credit_card, iban_code, ip_address, url, crypto, us_ssn, us_itin, us_bank_number, us_driver_license, us_passport, uk_nhs, uk_nino, es_nif, es_nie, it_fiscal_code, in_aadhaar, in_pan, sg_nric_fin, au_tfn, au_abn, au_acn, au_medicare, pl_pesel, fi_personal_identity_code, person, location], but was: 'passport'"),
            Arguments.of("a check named as a built-in", "metrics:\n  pii:\n    kind: pii\n    types: [email_address]\n",
                    "2:3: metrics.pii: 'pii' is the name of a built-in metric; give the pii check another name"),
            Arguments.of("a column that does not exist", "datasets:\n  - path: qa.csv\n    columns:\n"
                    + "      user_prompt: question\n      model_output: reply\n    metrics: [pii]\n",
                    "5:7: datasets[0].columns.model_output: the column 'reply' is not in qa.csv; its columns are"
                            + " [question, answer]"),
            Arguments.of("a missing dataset", "datasets:\n  - path: nowhere.jsonl\n",
                    "2:5: datasets[0].path: the file does not exist: " + dir.resolve("nowhere.jsonl")),
            Arguments.of("csv without columns", "datasets:\n  - path: qa.csv\n    metrics: [pii]\n",
                    "2:5: datasets[0].path: a csv dataset needs columns: which column holds model_output,"
                            + " user_prompt, ..."),
            Arguments.of("an unknown dataset metric", "datasets:\n  - path: events.jsonl\n    metrics: [pii, tone]\n",
                    "3:20: datasets[0].metrics[1]: 'tone' is not a metric of this project; its metrics are" + BUILT_INS),
            Arguments.of("a gate on an unknown metric", "gates:\n  fail_under:\n    tone: 0.9\n",
                    "3:5: gates.fail_under.tone: 'tone' is not a metric of this project; its metrics are" + BUILT_INS),
            Arguments.of("negative max_skipped", "gates:\n  max_skipped: -1\n",
                    "2:3: gates.max_skipped: must have a minimum value of 0, but was: -1"),
            Arguments.of("a duplicate key", "run_mode: fast\nrun_mode: precision\n",
                    "2:1: run_mode: the key appears twice in its mapping; keep one"),
            Arguments.of("not YAML", "judges: [\n", "1:10: not YAML: while parsing a flow node in 'reader', line 2, column 1: ^ expected the node content, but found '<stream end>'"),
            Arguments.of("an unknown batch_api key", "batch_api:\n  provder: openai\n",
                    "2:3: batch_api.provder: unknown key 'provder'; allowed here: [provider, sync_fallback,"
                            + " poll_seconds]"),
            Arguments.of("a batch_api provider without a batch API", "batch_api:\n  provider: ollama\n",
                    "2:3: batch_api.provider: must be one of [openai, anthropic, gemini], but was: 'ollama'"),
            Arguments.of("batch_api sync_fallback not a boolean", "batch_api:\n  sync_fallback: sometimes\n",
                    "2:3: batch_api.sync_fallback: must be a boolean, but was: 'sometimes'"),
            Arguments.of("batch_api poll_seconds out of range", "batch_api:\n  poll_seconds: 0\n",
                    "2:3: batch_api.poll_seconds: must have a minimum value of 0.01, but was: 0"),
            Arguments.of("batch_api for judges without a batch API", "judges:\n  - provider: ollama\n"
                    + "    model: llama3.1\nbatch_api: {}\n",
                    "4:1: batch_api: the judges' provider is ollama, which has no batch API Railguard can use; the"
                            + " providers with one are [openai, anthropic, gemini]"),
            Arguments.of("batch_api for judges of two providers", "judges:\n  - provider: openai\n    model: gpt-4o\n"
                    + "  - provider: ollama\n    model: llama3.1\nbatch_api:\n  provider: openai\n",
                    "7:3: batch_api.provider: every judge call goes through the batch API of openai, but judges[1]"
                            + " ('llama3.1') is of provider ollama; declare judges of that one provider, or remove"
                            + " batch_api"),
            Arguments.of("an unknown run mode", "run_mode: turbo\n",
                    "1:1: run_mode: must be one of [ultra_fast, super_fast, fast, precision, precision_codex,"
                            + " precision_max, precision_max_codex], but was: 'turbo'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void each_bad_file_names_file_line_column_key_and_what_is_allowed(String name, String yaml, String expected)
            throws IOException {
        Path file = Files.writeString(dir.resolve("railguard.yaml"), yaml);
        assertThatThrownBy(() -> RailguardProject.load(file, Map.of(), new Properties()))
                .isInstanceOf(ProjectFileException.class)
                .satisfies(e -> assertThat(((ProjectFileException) e).problems().get(0).toString())
                        .startsWith(file + ":" + expected));
        if (!expected.contains("environment variable")) {
            assertThat(RailguardProject.check(file)).isNotEmpty();
        }
    }

    @Test
    void every_problem_of_a_file_is_reported_at_once_in_the_order_of_the_file() throws IOException {
        Path file = Files.writeString(dir.resolve("railguard.yaml"), "run_mode: turbo\nself_judging: maybe\n");
        assertThat(RailguardProject.check(file)).extracting(ProjectFileException.Problem::line).containsExactly(1, 2);
    }

    @Test
    void a_literal_key_never_appears_in_the_message() throws IOException {
        String key = "sk-proj-abcdefghijklmnopqrstuvwxyz0123456789";
        Path file = Files.writeString(dir.resolve("railguard.yaml"), "judges:\n  - provider: openai\n"
                + "    model: gpt-4o\n    api_key: " + key + "\n");
        assertThat(RailguardProject.check(file).toString()).doesNotContain(key).doesNotContain("abcdefghij");
    }
}
