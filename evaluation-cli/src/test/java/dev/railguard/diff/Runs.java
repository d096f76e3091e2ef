package dev.railguard.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Simulated runs for the diff tests. */
final class Runs {

    private Runs() {}

    static DiffEvent event(int line, String id, String prompt, String output, Object... metricVerdictScore) {
        Map<String, DiffEvent.Outcome> m = new LinkedHashMap<>();
        for (int i = 0; i < metricVerdictScore.length; i += 3) {
            m.put((String) metricVerdictScore[i], new DiffEvent.Outcome((String) metricVerdictScore[i + 1],
                    (Double) metricVerdictScore[i + 2], metricVerdictScore[i + 1] + " because of " + output));
        }
        return new DiffEvent(line, id, prompt, null, null, output, m);
    }

    /**
     * Two runs of {@code n} events of metric {@code m} whose pairs are drawn from the joint distribution
     * P(pass,pass)=pp, P(pass,fail)=pf, P(fail,pass)=fp, the rest fail,fail. The true change is {@code fp - pf}.
     */
    static List<List<DiffEvent>> simulate(int n, double pp, double pf, double fp, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<DiffEvent> base = new ArrayList<>();
        List<DiffEvent> cand = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble();
            boolean b;
            boolean c;
            if (u < pp) {
                b = true;
                c = true;
            } else if (u < pp + pf) {
                b = true;
                c = false;
            } else if (u < pp + pf + fp) {
                b = false;
                c = true;
            } else {
                b = false;
                c = false;
            }
            double sb = b ? 0.7 + 0.3 * r.nextDouble() : 0.5 * r.nextDouble();
            double sc = c ? 0.7 + 0.3 * r.nextDouble() : 0.5 * r.nextDouble();
            base.add(event(i + 1, "e" + i, "q" + i, "base answer " + i, "m", b ? "pass" : "fail", sb));
            cand.add(event(i + 1, "e" + i, "q" + i, "new answer " + i, "m", c ? "pass" : "fail", sc));
        }
        return List.of(base, cand);
    }
}
