package dev.railguard.metrics.reference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * BLEU as sacreBLEU 2.x computes it: the {@code 13a} tokenizer (mteval-v13a), n-gram matches of orders 1 to 4 clipped
 * by the most any one reference has, the closest reference length for the brevity penalty, and the smoothing methods
 * of Chen and Cherry (2014) that sacreBLEU names {@code none}, {@code floor}, {@code add-k} and {@code exp}. Scores
 * are on sacreBLEU's 0..100 scale.
 */
final class Bleu {

    static final int ORDER = 4;

    private static final Pattern PUNCTUATION = Pattern.compile("([\\{-~\\[-`\\x20-&(-+:-@/])");
    private static final Pattern PERIOD_COMMA_AFTER = Pattern.compile("([^0-9])([.,])");
    private static final Pattern PERIOD_COMMA_BEFORE = Pattern.compile("([.,])([^0-9])");
    private static final Pattern DASH_AFTER_DIGIT = Pattern.compile("([0-9])(-)");
    private static final Pattern SPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    /** The smoothing methods. */
    enum Smoothing { NONE, FLOOR, ADD_K, EXP }

    /**
     * The sufficient statistics of a segment or a corpus.
     *
     * @param correct the clipped matches per order
     * @param total   the hypothesis n-grams per order
     * @param sysLen  the hypothesis length in tokens
     * @param refLen  the closest reference length
     */
    record Stats(int[] correct, int[] total, int sysLen, int refLen) {

        Stats plus(Stats o) {
            int[] c = new int[ORDER];
            int[] t = new int[ORDER];
            for (int i = 0; i < ORDER; i++) {
                c[i] = correct[i] + o.correct[i];
                t[i] = total[i] + o.total[i];
            }
            return new Stats(c, t, sysLen + o.sysLen, refLen + o.refLen);
        }
    }

    private Bleu() {}

    /** The {@code 13a} tokenization of {@code line}, tokens joined by one space. */
    static String tokenize13a(String line) {
        String s = line.replace("<skipped>", "").replace("-\n", "").replace("\n", " ");
        if (s.indexOf('&') >= 0) {
            s = s.replace("&quot;", "\"").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
        }
        s = " " + s + " ";
        s = PUNCTUATION.matcher(s).replaceAll(" $1 ");
        s = PERIOD_COMMA_AFTER.matcher(s).replaceAll("$1 $2 ");
        s = PERIOD_COMMA_BEFORE.matcher(s).replaceAll(" $1 $2");
        s = DASH_AFTER_DIGIT.matcher(s).replaceAll("$1 $2 ");
        return String.join(" ", words(s));
    }

    static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        for (String w : SPACE.split(s)) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    private static Map<List<String>, Integer> ngrams(List<String> words, int n) {
        Map<List<String>, Integer> counts = new HashMap<>();
        for (int i = 0; i + n <= words.size(); i++) {
            counts.merge(words.subList(i, i + n), 1, Integer::sum);
        }
        return counts;
    }

    /** The statistics of one hypothesis against its references, both already tokenized. */
    static Stats stats(String hypothesis, List<String> references) {
        List<String> hyp = words(hypothesis);
        int refLen = -1;
        List<Map<List<String>, Integer>> maxRef = new ArrayList<>();
        for (int n = 1; n <= ORDER; n++) {
            maxRef.add(new HashMap<>());
        }
        for (String r : references) {
            List<String> ref = words(r);
            int diff = Math.abs(ref.size() - hyp.size());
            if (refLen < 0 || diff < Math.abs(refLen - hyp.size()) || diff == Math.abs(refLen - hyp.size())
                    && ref.size() < refLen) {
                refLen = ref.size();
            }
            for (int n = 1; n <= ORDER; n++) {
                Map<List<String>, Integer> m = maxRef.get(n - 1);
                ngrams(ref, n).forEach((g, c) -> m.merge(g, c, Math::max));
            }
        }
        int[] correct = new int[ORDER];
        int[] total = new int[ORDER];
        for (int n = 1; n <= ORDER; n++) {
            Map<List<String>, Integer> m = maxRef.get(n - 1);
            for (Map.Entry<List<String>, Integer> e : ngrams(hyp, n).entrySet()) {
                correct[n - 1] += Math.min(e.getValue(), m.getOrDefault(e.getKey(), 0));
            }
            total[n - 1] = Math.max(0, hyp.size() - n + 1);
        }
        return new Stats(correct, total, hyp.size(), Math.max(refLen, 0));
    }

    /**
     * The score (0..100) of the statistics, as sacreBLEU's {@code compute_bleu}.
     *
     * @param smoothValue the value of {@code floor} and {@code add-k}; {@code NaN} for their defaults (0.1 and 1)
     */
    static double score(Stats s, Smoothing smoothing, double smoothValue, boolean effectiveOrder) {
        double value = Double.isNaN(smoothValue) ? (smoothing == Smoothing.ADD_K ? 1 : 0.1) : smoothValue;
        double bp = 1.0;
        if (s.sysLen() < s.refLen()) {
            bp = s.sysLen() > 0 ? Math.exp(1 - (double) s.refLen() / s.sysLen()) : 0.0;
        }
        double[] correct = new double[ORDER];
        double[] total = new double[ORDER];
        boolean any = false;
        for (int i = 0; i < ORDER; i++) {
            correct[i] = s.correct()[i];
            total[i] = s.total()[i];
            any |= s.correct()[i] > 0;
        }
        if (!any) {
            return 0.0;
        }
        double[] precisions = new double[ORDER];
        double smoothExp = 1;
        int effective = ORDER;
        for (int n = 1; n <= ORDER; n++) {
            if (smoothing == Smoothing.ADD_K && n > 1) {
                correct[n - 1] += value;
                total[n - 1] += value;
            }
            if (total[n - 1] == 0) {
                break;
            }
            if (effectiveOrder) {
                effective = n;
            }
            if (correct[n - 1] == 0) {
                if (smoothing == Smoothing.EXP) {
                    smoothExp *= 2;
                    precisions[n - 1] = 100.0 / (smoothExp * total[n - 1]);
                } else if (smoothing == Smoothing.FLOOR) {
                    precisions[n - 1] = 100.0 * value / total[n - 1];
                }
            } else {
                precisions[n - 1] = 100.0 * correct[n - 1] / total[n - 1];
            }
        }
        double logs = 0;
        for (int i = 0; i < effective; i++) {
            logs += precisions[i] == 0 ? -9999999999.0 : Math.log(precisions[i]);
        }
        return bp * Math.exp(logs / effective);
    }

    /** sacreBLEU's {@code sentence_bleu} with its defaults: 13a, exp smoothing, effective order. */
    static double sentence(String hypothesis, String reference) {
        return score(stats(tokenize13a(hypothesis), List.of(tokenize13a(reference))), Smoothing.EXP, Double.NaN, true);
    }
}
