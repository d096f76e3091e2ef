package dev.railguard.metrics.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.MetricResult;
import dev.railguard.api.ModelInput;
import dev.railguard.api.RunMode;
import dev.railguard.api.UnitVerdict;
import dev.railguard.api.Verdict;
import dev.railguard.engine.RailguardEvaluator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The reference scores: each one's definition on worked cases, its threshold, and bad input. */
class ReferenceMetricsTest {

    private static final List<String> ALL = List.of("exact_match", "token_f1", "rouge_l", "bleu", "chrf",
            "levenshtein", "json_equals", "numeric_match");

    private static MetricResult run(ReferenceCheck metric, String output, String truth) {
        EvaluationRequest r = EvaluationRequest.builder()
                .modelInput(ModelInput.builder().userPrompt("q").groundTruth(truth).build())
                .modelOutput(output).metrics(metric.name()).build();
        return metric.evaluate(r, metric.defaultThreshold());
    }

    @Test
    void exact_match_normalises_as_squad_does() {
        assertThat(run(new ExactMatchMetric(), "The  Eiffel Tower!", "eiffel tower").score().getAsDouble()).isEqualTo(1.0);
        assertThat(SquadText.normalize("An apple, the pear and A plum.")).isEqualTo("apple pear and plum");
        MetricResult miss = run(new ExactMatchMetric(), "Eiffel towers", "the Eiffel Tower");
        assertThat(miss.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(miss.rationale()).isEqualTo("The output does not match the ground truth after SQuAD normalisation:"
                + " 'eiffel towers' is not 'eiffel tower'.");
    }

    @Test
    void token_f1_counts_shared_tokens_as_a_multiset() {
        // prediction: "denver broncos won" (3), truth: "the denver broncos" -> "denver broncos" (2); shared 2
        MetricResult r = run(new TokenF1Metric(), "Denver Broncos won", "The Denver Broncos");
        assertThat(r.score().getAsDouble()).isCloseTo(2 * (2.0 / 3) * 1.0 / (2.0 / 3 + 1.0), within(1e-12));
        assertThat(r.rationale()).isEqualTo("Token F1 0.80 (precision 0.67, recall 1.00, SQuAD v1.1 normalisation).");
        assertThat(SquadText.f1("a a a", "a")[2]).isZero(); // articles are removed: nothing left to share
        assertThat(SquadText.f1("x x y", "x y y")[2]).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void rouge_l_is_the_lcs_f1_over_rouge_score_tokens() {
        MetricResult r = run(new RougeLMetric(), "The quick brown dog jumps on the log.",
                "The quick brown fox jumps over the lazy dog");
        assertThat(r.score().getAsDouble()).isCloseTo(50.0 / 85, within(1e-12));
        assertThat(RougeLMetric.tokens("Héllo, WORLD-42!")).containsExactly("h", "llo", "world", "42");
        assertThat(run(new RougeLMetric(), "...", "anything").score().getAsDouble()).isZero();
    }

    @Test
    void bleu_and_chrf_are_sacrebleu_scores_scaled_to_one() {
        String ref = "producţia de zahăr brut se exprimă în zahăr alb;";
        String sys = "Producția de zahăr primă va fi exprimată în ceea ce privește zahărul alb;";
        MetricResult bleu = run(new BleuMetric(), sys, ref);
        assertThat(bleu.score().getAsDouble()).isCloseTo(0.08493, within(1e-5));
        assertThat(bleu.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(bleu.rationale()).startsWith("BLEU 8.49 (sacreBLEU sentence BLEU: 13a, exp smoothing, effective order;");
        MetricResult same = run(new BleuMetric(), "The cat sat on the mat.", "The cat sat on the mat.");
        assertThat(same.score().getAsDouble()).isCloseTo(1.0, within(1e-12));

        MetricResult chrf = run(new ChrfMetric(), "Niemand hat die Absicht, eine Mauer zu errichten",
                "Niemand hat die Absicht, eine Mauer zu errichten");
        assertThat(chrf.score().getAsDouble()).isCloseTo(1.0, within(1e-12));
        assertThat(chrf.rationale()).isEqualTo("chrF 100.00 (sacreBLEU: char order 6, word order 0, beta 2.0).");
        MetricResult plusPlus = run(ChrfMetric.of("chrf_pp", 0.5, 6, 2, 2), "the cat sat", "the cat sat down");
        assertThat(plusPlus.score().getAsDouble()).isBetween(0.5, 1.0);
    }

    @Test
    void levenshtein_is_one_minus_edits_over_the_longer_length() {
        MetricResult r = run(new LevenshteinMetric(), "kitten", "sitting");
        assertThat(r.score().getAsDouble()).isCloseTo(1 - 3.0 / 7, within(1e-12));
        assertThat(r.rationale()).isEqualTo("Levenshtein similarity 0.57 (3 edits over 7 characters).");
        assertThat(LevenshteinMetric.similarity("", "")).isEqualTo(1.0);
        assertThat(run(LevenshteinMetric.of("lev_ci", 0.8, true), " Paris ", "paris").score().getAsDouble())
                .isEqualTo(1.0);
    }

    @Test
    void json_equals_ignores_key_order_compares_numbers_by_value_and_names_the_paths_that_differ() {
        JsonEqualsMetric m = new JsonEqualsMetric();
        assertThat(run(m, "```json\n{\"b\": [1, 2.0], \"a\": {\"x\": 1e0}}\n```", "{\"a\":{\"x\":1},\"b\":[1,2]}")
                .verdict()).isEqualTo(Verdict.PASS);

        MetricResult r = run(m, "{\"sku\": \"ABC-1\", \"qty\": 3, \"tags\": [\"x\"], \"extra\": true}",
                "{\"sku\": \"ABC-1\", \"qty\": 2, \"tags\": [\"x\", \"y\"], \"express\": false}");
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.units()).extracting(UnitVerdict::text).containsExactly("$.express", "$.extra", "$.qty", "$.tags");
        assertThat(r.rationale()).isEqualTo("The output differs from the ground truth at 4 JSON paths: $.express:"
                + " missing (expected false); $.extra: unexpected (true); $.qty: expected 2, got 3; $.tags: expected 2"
                + " elements, got 1.");
        assertThat(run(m, "{\"a\": 1,}", "{\"a\": 1}").rationale())
                .startsWith("The output is not well-formed JSON at line 1, column 9: ");
        MetricResult badTruth = run(m, "{}", "not json");
        assertThat(badTruth.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(badTruth.rationale()).startsWith("modelInput.groundTruth must be JSON for 'json_equals', but is not"
                + " well-formed JSON at line 1");
    }

    static Stream<Arguments> numbers() {
        return Stream.of(
                Arguments.of(new NumericMatchMetric(), "The total is 1,299.50 EUR.", "1299.5", Verdict.PASS),
                Arguments.of(new NumericMatchMetric(), "About 1300.", "1299.5", Verdict.FAIL),
                Arguments.of(NumericMatchMetric.of("approx", 1.0, 0.01, 0), "About 1300.", "1299.5", Verdict.PASS),
                Arguments.of(NumericMatchMetric.of("close", 1.0, 0, 0.5), "It is -3.4 degrees", "-3", Verdict.PASS),
                Arguments.of(new NumericMatchMetric(), "Avogadro: 6.022e23", "602200000000000000000000",
                        Verdict.PASS),
                Arguments.of(new NumericMatchMetric(), "no number here", "7", Verdict.FAIL),
                Arguments.of(new NumericMatchMetric(), "7", "seven", Verdict.ERROR));
    }

    @ParameterizedTest
    @MethodSource
    void numbers(NumericMatchMetric m, String output, String truth, Verdict expected) {
        assertThat(run(m, output, truth).verdict()).isEqualTo(expected);
    }

    @Test
    void numeric_match_says_what_it_found() {
        assertThat(run(new NumericMatchMetric(), "It costs 12 or 13.", "14").rationale())
                .isEqualTo("No number in the output is within tolerance of 14 (found: [12, 13]).");
        assertThat(run(new NumericMatchMetric(), "7", "3 or 4").rationale()).isEqualTo("modelInput.groundTruth must"
                + " hold exactly one number for 'numeric_match', but holds 2: '3 or 4'");
    }

    @Test
    void every_reference_metric_is_installed_with_its_default_threshold_and_runs_in_ultra_fast_without_a_judge() {
        try (RailguardEvaluator evaluator = RailguardEvaluator.builder().build()) {
            EvaluationResult r = evaluator.evaluate(EvaluationRequest.builder()
                    .modelInput(ModelInput.builder().userPrompt("Capital of France?").groundTruth("Paris").build())
                    .modelOutput("Paris").runMode(RunMode.ULTRA_FAST).metrics(ALL).build());
            assertThat(r.metrics().keySet()).containsExactlyElementsOf(ALL);
            assertThat(r.usage().judgeCalls()).isZero();
            assertThat(r.metric("exact_match").verdict()).isEqualTo(Verdict.PASS);
            assertThat(r.metric("bleu").threshold()).isEqualTo(0.3);
            assertThat(r.metric("token_f1").threshold()).isEqualTo(0.6);
            assertThat(r.metric("numeric_match").verdict()).isEqualTo(Verdict.ERROR); // "Paris" holds no number
        }
    }

    @ParameterizedTest
    @EnumSource(value = RunMode.class)
    void no_run_mode_makes_a_judge_call(RunMode mode) {
        try (RailguardEvaluator evaluator = RailguardEvaluator.builder().build()) {
            EvaluationResult r = evaluator.evaluate(EvaluationRequest.builder()
                    .modelInput(ModelInput.builder().userPrompt("q").groundTruth("{\"a\": 1}").build())
                    .modelOutput("{\"a\": 1}").runMode(mode).metrics("json_equals", "levenshtein").build());
            assertThat(r.usage().judgeCalls()).isZero();
            assertThat(r.passed()).isTrue();
        }
    }

    static Stream<Arguments> badInput() {
        return ALL.stream().map(name -> Arguments.of(name, "metric '" + name + "' requires modelInput.groundTruth,"
                + " but it was missing or blank"));
    }

    @ParameterizedTest
    @MethodSource
    void badInput(String metric, String message) {
        try (RailguardEvaluator evaluator = RailguardEvaluator.builder().build()) {
            assertThatThrownBy(() -> evaluator.evaluate(EvaluationRequest.builder()
                    .modelInput(ModelInput.ofUserPrompt("q")).modelOutput("x").metrics(metric).build()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
        }
    }

    @Test
    void bad_options_are_refused_naming_the_field() {
        assertThatThrownBy(() -> ChrfMetric.of("c", 0.5, 0, 0, 2)).hasMessage("charOrder must be between 1 and 20,"
                + " but was: 0");
        assertThatThrownBy(() -> ChrfMetric.of("c", 0.5, 6, 0, 0)).hasMessage("beta must be positive, but was:"
                + " 0.0");
        assertThatThrownBy(() -> NumericMatchMetric.of("n", 1.0, -1, 0)).hasMessage("relativeTolerance must be at least"
                + " 0.0, but was: -1.0");
        assertThatThrownBy(() -> BleuMetric.of("Bad Name", 0.3)).hasMessage("name must be snake_case"
                + " ([a-z][a-z0-9_]*), but was: 'Bad Name'");
        assertThatThrownBy(() -> TokenF1Metric.of("f1", 1.5)).hasMessage("defaultThreshold must be between 0.0 and"
                + " 1.0, but was: 1.5");
    }
}
