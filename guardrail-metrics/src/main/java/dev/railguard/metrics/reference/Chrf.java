package dev.railguard.metrics.reference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * chrF as sacreBLEU 2.x computes it ({@code sacrebleu.metrics.CHRF}): character n-grams of orders 1 to
 * {@code charOrder} over the text with its white space removed, word n-grams of orders 1 to {@code wordOrder} (chrF++)
 * with punctuation split off word ends, per-order hypothesis, reference and match counts, and the F-beta of the
 * averaged precision and recall over the orders both sides have (or, with {@code epsSmoothing}, the average of the
 * per-order F-scores with 1e-16 for empty orders). Scores are on sacreBLEU's 0..100 scale.
 */
final class Chrf {

    private static final Pattern SPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private Chrf() {}

    /** The flattened {hyp, ref, match} counts per order, characters first, then words. */
    static int[] stats(String hypothesis, String reference, int charOrder, int wordOrder) {
        int[] out = new int[3 * (charOrder + wordOrder)];
        String h = SPACE.matcher(hypothesis).replaceAll("");
        String r = SPACE.matcher(reference).replaceAll("");
        int[] hc = h.codePoints().toArray();
        int[] rc = r.codePoints().toArray();
        for (int n = 1; n <= charOrder; n++) {
            count(charNgrams(hc, n), charNgrams(rc, n), out, 3 * (n - 1));
        }
        List<String> hw = words(hypothesis);
        List<String> rw = words(reference);
        for (int n = 1; n <= wordOrder; n++) {
            count(wordNgrams(hw, n), wordNgrams(rw, n), out, 3 * (charOrder + n - 1));
        }
        return out;
    }

    private static Map<String, Integer> charNgrams(int[] cps, int n) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i + n <= cps.length; i++) {
            m.merge(new String(cps, i, n), 1, Integer::sum);
        }
        return m;
    }

    private static Map<String, Integer> wordNgrams(List<String> words, int n) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i + n <= words.size(); i++) {
            m.merge(String.join(" ", words.subList(i, i + n)), 1, Integer::sum);
        }
        return m;
    }

    /** Words with one punctuation character split off the end, or else off the start, as chrF++ does. */
    private static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        for (String w : SPACE.split(s.strip())) {
            if (w.isEmpty()) {
                continue;
            }
            if (w.length() == 1) {
                out.add(w);
            } else if (PUNCTUATION.indexOf(w.charAt(w.length() - 1)) >= 0) {
                out.add(w.substring(0, w.length() - 1));
                out.add(w.substring(w.length() - 1));
            } else if (PUNCTUATION.indexOf(w.charAt(0)) >= 0) {
                out.add(w.substring(0, 1));
                out.add(w.substring(1));
            } else {
                out.add(w);
            }
        }
        return out;
    }

    private static void count(Map<String, Integer> hyp, Map<String, Integer> ref, int[] out, int at) {
        int match = 0;
        int hypCount = 0;
        for (Map.Entry<String, Integer> e : hyp.entrySet()) {
            hypCount += e.getValue();
            match += Math.min(e.getValue(), ref.getOrDefault(e.getKey(), 0));
        }
        out[at] = hypCount;
        out[at + 1] = ref.values().stream().mapToInt(Integer::intValue).sum();
        out[at + 2] = match;
    }

    /** The chrF score (0..100) of the statistics. */
    static double score(int[] stats, double beta, boolean epsSmoothing) {
        double eps = 1e-16;
        double factor = beta * beta;
        double score = 0;
        double avgPrec = 0;
        double avgRec = 0;
        int effective = 0;
        int orders = stats.length / 3;
        for (int i = 0; i < orders; i++) {
            int nHyp = stats[3 * i];
            int nRef = stats[3 * i + 1];
            int nMatch = stats[3 * i + 2];
            double prec = nHyp > 0 ? (double) nMatch / nHyp : eps;
            double rec = nRef > 0 ? (double) nMatch / nRef : eps;
            double denom = factor * prec + rec;
            score += denom > 0 ? (1 + factor) * prec * rec / denom : eps;
            if (nHyp > 0 && nRef > 0) {
                avgPrec += prec;
                avgRec += rec;
                effective++;
            }
        }
        if (epsSmoothing) {
            return 100 * score / orders;
        }
        if (effective == 0) {
            return 0.0;
        }
        avgPrec /= effective;
        avgRec /= effective;
        if (avgPrec + avgRec == 0) {
            return 0.0;
        }
        return 100 * (1 + factor) * avgPrec * avgRec / (factor * avgPrec + avgRec);
    }
}
