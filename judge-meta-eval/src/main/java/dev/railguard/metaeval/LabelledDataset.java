package dev.railguard.metaeval;

import dev.railguard.api.Checks;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Labelled cases to measure judges against, with the records of the input that could not be read (each with its
 * position and reason: one bad record never costs the data set). Build one in code with {@link #of}, or read one
 * with {@link Datasets}.
 *
 * @param name    a name for the report (usually the file name)
 * @param cases   the cases, ids unique
 * @param skipped the records that were left out, in input order
 */
public record LabelledDataset(String name, List<LabelledCase> cases, List<Skipped> skipped) {

    /**
     * A record of the input that was left out.
     *
     * @param position where it is: {@code "line 12"}, {@code "row 4"}
     * @param reason   why, naming the field
     */
    public record Skipped(String position, String reason) {}

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException when two cases share an id
     */
    public LabelledDataset {
        Objects.requireNonNull(name, "name must not be null");
        cases = List.copyOf(cases);
        skipped = List.copyOf(skipped);
        Set<String> ids = new HashSet<>();
        for (LabelledCase c : cases) {
            if (!ids.add(c.id())) {
                throw new IllegalArgumentException("case ids must be unique in data set '" + name + "', but '" + c.id()
                        + "' occurs twice");
            }
        }
    }

    /** A data set of {@code cases}, nothing skipped. */
    public static LabelledDataset of(String name, List<LabelledCase> cases) {
        return new LabelledDataset(name, cases, List.of());
    }

    /** Every metric that some case labels, in first-seen order. */
    public Set<String> metrics() {
        Set<String> metrics = new LinkedHashSet<>();
        cases.forEach(c -> metrics.addAll(c.labels().keySet()));
        return metrics;
    }

    /** The first {@code max} cases (all when there are fewer). */
    public LabelledDataset limit(int max) {
        Checks.atLeast(max, 1, "limit");
        return new LabelledDataset(name, cases.subList(0, Math.min(max, cases.size())), skipped);
    }

    /**
     * The human label of every labelled unit of {@code metric}, by unit text: the cases' unit labels, and for a case
     * with a label of {@code metric} but no unit labels of it, its whole output (stripped) as one unit. A simulated
     * judge reads its truth from this map.
     */
    public Map<String, HumanLabel> unitTruth(String metric) {
        Map<String, HumanLabel> truth = new HashMap<>();
        for (LabelledCase c : cases) {
            List<LabelledCase.UnitLabel> units = c.unitLabels().get(metric);
            if (units != null) {
                units.forEach(u -> truth.put(u.text(), u.label()));
            } else if (c.labels().containsKey(metric)) {
                truth.put(c.output().strip(), c.labels().get(metric));
            }
        }
        return truth;
    }

    /** The ids of the cases, in order. */
    public List<String> ids() {
        List<String> ids = new ArrayList<>();
        cases.forEach(c -> ids.add(c.id()));
        return ids;
    }
}
