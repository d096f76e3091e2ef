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
