package dev.railguard.metrics.reference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * SQuAD v1.1's official answer normalisation and token overlap ({@code evaluate-v1.1.py}): lower case, ASCII
 * punctuation removed, the articles a, an and the removed as whole words, white space collapsed; F1 over the bag of
 * tokens.
 */
final class SquadText {

    private static final Pattern PUNCTUATION = Pattern.compile("[!\"#$%&'()*+,\\-./:;<=>?@\\[\\\\\\]^_`{|}~]");
    private static final Pattern ARTICLES = Pattern.compile("\\b(a|an|the)\\b");
    private static final Pattern SPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private SquadText() {}

    /** The normalised answer. */
    static String normalize(String s) {
        String t = PUNCTUATION.matcher(s.toLowerCase(Locale.ROOT)).replaceAll("");
        t = ARTICLES.matcher(t).replaceAll(" ");
        return String.join(" ", tokens(t));
    }

    /** The normalised answer's tokens. */
    static List<String> tokens(String normalized) {
        List<String> out = new ArrayList<>();
        for (String w : SPACE.split(normalized.strip())) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    /**
     * Token F1 of a prediction against a ground truth, both raw: the tokens they share (as multisets) give precision
     * and recall; 0 when they share none (also when either is empty, as v1.1 counts).
     *
     * @return {precision, recall, f1}
     */
    static double[] f1(String prediction, String truth) {
        List<String> p = tokens(normalize(prediction));
        List<String> g = tokens(normalize(truth));
        Map<String, Integer> counts = new HashMap<>();
        g.forEach(w -> counts.merge(w, 1, Integer::sum));
        int same = 0;
        for (String w : p) {
            Integer c = counts.get(w);
            if (c != null && c > 0) {
                same++;
                counts.put(w, c - 1);
            }
        }
        if (same == 0) {
            return new double[] {0, 0, 0};
        }
        double precision = (double) same / p.size();
        double recall = (double) same / g.size();
        return new double[] {precision, recall, 2 * precision * recall / (precision + recall)};
    }
}
