package dev.railguard.metaeval;

import dev.railguard.api.ModelInput;
import dev.railguard.engine.JudgePanel;
import dev.railguard.testkit.SimulatedJudges;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Labelled cases of one claim each, and simulated judges that know their truth. */
final class SimulatedData {

    static final String METRIC = "correctness";

    private SimulatedData() {}

    /** {@code n} cases, every other one labelled FAIL, each output one unique claim (one unit). */
    static LabelledDataset claims(int n) {
        List<LabelledCase> cases = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            HumanLabel label = i % 2 == 0 ? HumanLabel.FAIL : HumanLabel.PASS;
            cases.add(LabelledCase.of("case-" + i, ModelInput.ofUserPrompt("What colour is the sky of planet " + i
                    + "?"), "The sky of planet " + i + " is " + (label == HumanLabel.FAIL ? "green" : "blue") + ".",
                    Map.of(METRIC, label)));
        }
        return LabelledDataset.of("simulated claims", cases);
    }

    /**
     * {@code n} cases of {@code units} claims each (one per line), each claim labelled, one in three FAIL; a case is
     * FAIL when any of its claims is.
     */
    static LabelledDataset claimsWithUnitLabels(int n, int units) {
        List<LabelledCase> cases = new ArrayList<>();
        int k = 0;
        for (int i = 0; i < n; i++) {
            List<LabelledCase.UnitLabel> labels = new ArrayList<>();
            StringBuilder output = new StringBuilder();
            for (int u = 0; u < units; u++, k++) {
                HumanLabel label = k % 3 == 0 ? HumanLabel.FAIL : HumanLabel.PASS;
                String text = "Moon " + k + " of planet " + i + " is " + (label == HumanLabel.FAIL ? "square" : "round")
                        + ".";
                labels.add(new LabelledCase.UnitLabel(text, label));
                output.append(u == 0 ? "" : "\n").append(text);
            }
            HumanLabel caseLabel = labels.stream().anyMatch(l -> l.label() == HumanLabel.FAIL) ? HumanLabel.FAIL
                    : HumanLabel.PASS;
            cases.add(new LabelledCase("case-" + i, ModelInput.ofUserPrompt("Describe the moons of planet " + i + "."),
                    output.toString(), Map.of(METRIC, caseLabel), Map.of(METRIC, labels), "simulated"));
        }
        return LabelledDataset.of("simulated claims with unit labels", cases);
    }

    /** Judges whose truth is the data set's labels. */
    static SimulatedJudges.Builder judges(LabelledDataset dataset) {
        Map<String, Map<String, HumanLabel>> truth = new HashMap<>();
        for (String metric : dataset.metrics()) {
            truth.put(metric, dataset.unitTruth(metric));
        }
        return SimulatedJudges.builder().truth((metric, unit) -> {
            HumanLabel label = truth.getOrDefault(metric, Map.of()).get(unit);
            return label == null ? null : label == HumanLabel.PASS;
        });
    }

    /** Standard judges a and b (the verifiers of precision and precision_max) and strong judge c (the arbiter). */
    static JudgePanel panel(SimulatedJudges judges) {
        return JudgePanel.builder().standard("a", judges.judge("a")).standard("b", judges.judge("b"))
                .strong("c", judges.judge("c")).build();
    }

    /** As {@link #panel}, with a third standard judge for a plan of three verifiers. */
    static JudgePanel panelOfThree(SimulatedJudges judges) {
        return JudgePanel.builder().standard("a", judges.judge("a")).standard("b", judges.judge("b"))
                .standard("d", judges.judge("d")).strong("c", judges.judge("c")).build();
    }
}
