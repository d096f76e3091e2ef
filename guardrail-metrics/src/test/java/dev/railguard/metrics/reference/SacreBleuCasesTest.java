package dev.railguard.metrics.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * BLEU and chrF against sacreBLEU's own test cases ({@code test/test_sentence_bleu.py}, {@code test/test_bleu.py},
 * {@code test/test_chrf.py} of github.com/mjpost/sacrebleu at f615c72), within 1e-3 of the 0..100 score. Only inputs
 * and expected scores are taken; the options a case sets are passed to the same computation the metrics use.
 */
class SacreBleuCasesTest {

    private static final double EPSILON = 1e-3;

    // test_sentence_bleu.py, issue #98
    private static final String REF = "producţia de zahăr brut se exprimă în zahăr alb;";
    private static final String SYS = "Producția de zahăr primă va fi exprimată în ceea ce privește zahărul alb;";

    static Stream<Arguments> sentenceBleu() {
        return Stream.of(
                Arguments.of(Bleu.Smoothing.EXP, Double.NaN, 8.493),
                Arguments.of(Bleu.Smoothing.NONE, Double.NaN, 0.0),
                Arguments.of(Bleu.Smoothing.FLOOR, Double.NaN, 4.51688),
                Arguments.of(Bleu.Smoothing.FLOOR, 0.1, 4.51688),
                Arguments.of(Bleu.Smoothing.FLOOR, 0.5, 10.10),
                Arguments.of(Bleu.Smoothing.ADD_K, Double.NaN, 14.882),
                Arguments.of(Bleu.Smoothing.ADD_K, 1.0, 14.882),
                Arguments.of(Bleu.Smoothing.ADD_K, 2.0, 21.389));
    }

    @ParameterizedTest
    @MethodSource
    void sentenceBleu(Bleu.Smoothing smoothing, double value, double expected) {
        Bleu.Stats s = Bleu.stats(Bleu.tokenize13a(SYS), List.of(Bleu.tokenize13a(REF)));
        assertThat(Bleu.score(s, smoothing, value, true)).isCloseTo(expected, within(EPSILON));
    }

    @Test
    void sentence_bleu_with_the_defaults_is_the_bleu_metric_scaled_to_one() {
        assertThat(Bleu.sentence(SYS, REF)).isCloseTo(8.493, within(EPSILON));
        assertThat(Bleu.sentence("this is a cat", "okay thanks")).isZero(); // issue #141, every smoothing
    }

    private static final List<String> HYPS = List.of("The dog bit the man.", "It wasn't surprising.",
            "The man had just bitten him.");
    private static final List<List<String>> REFS = List.of(
            List.of("The dog bit the man.", "It was not unexpected.", "The man bit him first."),
            List.of("The dog had bit the man.", "No one was surprised.", "The man had bitten the dog."));

    private static double corpus(List<String> hyps, Bleu.Smoothing smoothing) {
        Bleu.Stats total = null;
        for (int i = 0; i < hyps.size(); i++) {
            List<String> refs = new ArrayList<>();
            for (List<String> stream : REFS) {
                refs.add(Bleu.tokenize13a(stream.get(i)));
            }
            Bleu.Stats s = Bleu.stats(Bleu.tokenize13a(hyps.get(i)), refs);
            total = total == null ? s : total.plus(s);
        }
        return Bleu.score(total, smoothing, Double.NaN, false);
    }

    @Test
    void corpus_bleu_of_the_readme_example_with_13a_and_two_references() {
        assertThat(corpus(HYPS, Bleu.Smoothing.EXP)).isCloseTo(48.530827, within(EPSILON));
        assertThat(corpus(HYPS, Bleu.Smoothing.NONE)).isCloseTo(48.530827, within(EPSILON));
        assertThat(corpus(List.of("", "", ""), Bleu.Smoothing.EXP)).isZero();
    }

    @Test
    void statistics_and_scoring_from_the_raw_bleu_cases() {
        Bleu.Stats s = Bleu.stats("am I am a character sequence", List.of("I am a symbol string sequence a a"));
        assertThat(s.correct()).containsExactly(4, 2, 1, 0);
        assertThat(s.total()).containsExactly(6, 5, 4, 3);
        Bleu.Stats scoring = new Bleu.Stats(new int[] {9, 7, 5, 3}, new int[] {10, 8, 6, 4}, 11, 11);
        assertThat(Bleu.score(scoring, Bleu.Smoothing.NONE, Double.NaN, false) / 100)
                .isCloseTo(0.8375922397, within(1e-8));
        // test_effective_order: raw_corpus_bleu = floor smoothing 0.01, no tokenization, effective order
        assertThat(Bleu.score(Bleu.stats("test", List.of("a test")), Bleu.Smoothing.FLOOR, 0.01, true) / 100)
                .isCloseTo(0.3678794411714425, within(1e-8));
        assertThat(Bleu.score(Bleu.stats("a little test", List.of("a test")), Bleu.Smoothing.FLOOR, 0.01, true)
                / 100).isCloseTo(0.03218297948685433, within(1e-8));
        assertThat(Bleu.score(Bleu.stats("this is a fest", List.of("this is a test")), Bleu.Smoothing.FLOOR, 0.01,
                true) / 100).isCloseTo(0.223606797749979, within(1e-8));
    }

    static Stream<Arguments> chrfBeta3() {
        return Stream.of(
                Arguments.of("abcdefg", "hijklmnop", 0.0),
                Arguments.of("a", "b", 0.0),
                Arguments.of("", "b", 0.0),
                Arguments.of("", "reference", 0.0),
                Arguments.of("aa", "ab", 8.3333),
                Arguments.of("a", "a", 16.6667),
                Arguments.of("a b c", "a b c", 50.0),
                Arguments.of("a b c", "abc", 50.0),
                Arguments.of(" risk assessment must be made of those who are qualified and expertise in the sector - "
                        + "these are the scientists .", "risk assessment has to be undertaken by those who are qualified"
                        + " and expert in that area - that is the scientists .", 63.361730),
                Arguments.of(" Die    Beziehung zwischen  Obama und Netanjahu ist nicht gerade  freundlich. ",
                        "Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich.", 64.1302698),
                Arguments.of("Niemand hat die Absicht, eine Mauer zu errichten",
                        "Niemand hat die Absicht, eine Mauer zu errichten", 100.0));
    }

    @ParameterizedTest
    @MethodSource
    void chrfBeta3(String hyp, String ref, double expected) {
        assertThat(Chrf.score(Chrf.stats(hyp, ref, 6, 0), 3, true)).isCloseTo(expected, within(EPSILON));
    }

    static Stream<Arguments> chrfEffectiveOrder() {
        return Stream.of(
                Arguments.of("a", "a", 100.0),
                Arguments.of("", "reference", 0.0),
                Arguments.of("a b c", "a b c", 100.0),
                Arguments.of("a b c", "abc", 100.0),
                Arguments.of("", "c", 0.0),
                Arguments.of("aa", "ab", 25.0));
    }

    @ParameterizedTest
    @MethodSource
    void chrfEffectiveOrder(String hyp, String ref, double expected) {
        assertThat(Chrf.score(Chrf.stats(hyp, ref, 6, 0), 3, false)).isCloseTo(expected, within(EPSILON));
    }

    @Test
    void chrf_corpus_statistics_add_up_across_segments() {
        int[] a = Chrf.stats("a", "a", 6, 0);
        int[] b = Chrf.stats("b", "c", 6, 0);
        int[] sum = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            sum[i] = a[i] + b[i];
        }
        assertThat(Chrf.score(sum, 3, true)).isCloseTo(8.3333, within(EPSILON));
        assertThat(Chrf.score(sum, 3, false)).isCloseTo(50.0, within(EPSILON));
    }

    static Stream<Arguments> chrfSentence() {
        return Stream.of(
                Arguments.of("Co nás nejvíc trápí, protože lékaři si vybírají, kdo bude žít a kdo zemře.",
                        "Nejvíce smutní jsme z toho, že musíme rozhodovat o tom, kdo bude žít a kdo zemře.", 39.14078509),
                Arguments.of("Nebo prostě nemají vybavení, které by jim pomohlo, uvedli lékaři.",
                        "A někdy nemáme ani potřebný materiál, abychom jim pomohli, popsali lékaři.", 31.22557079),
                Arguments.of("Lapali po dechu, jejich životy skončily dřív, než skutečně začaly.",
                        "Lapali po dechu a pak jejich život skončil - dřív, než skutečně mohl začít, připomněli.",
                        57.15704367));
    }

    @ParameterizedTest
    @MethodSource
    void chrfSentence(String hyp, String ref, double expected) {
        // sentence_chrf with its defaults (beta 2) and eps_smoothing=True, as the test sets it
        assertThat(Chrf.score(Chrf.stats(hyp, ref, 6, 0), 2, true)).isCloseTo(expected, within(EPSILON));
    }
}
