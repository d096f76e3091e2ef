package dev.railguard.api;

import java.util.List;

/**
 * What the units of a judged metric are and how a judge finds them. Metrics that share a unit kind share its
 * partition in the modes that partition once (one claim extraction serves correctness, context adherence and
 * ground-truth adherence).
 *
 * @param name                   stable snake_case name, for example {@code "claim"}; equal names mean one partition
 * @param partitionInstructions  how to split the text into units, addressed to the judge
 * @param source                 which text the units are taken from
 * @param labels                 the labels a unit may carry (safety categories, completeness dimensions), in the
 *                               order the instructions name them; empty when units have no label, and then the
 *                               judge's reply has no label field at all
 */
public record UnitKind(String name, String partitionInstructions, Source source, List<String> labels) {

    /** A kind whose units carry no label. */
    public UnitKind(String name, String partitionInstructions, Source source) {
        this(name, partitionInstructions, source, List.of());
    }

    /** Which text a partition splits. */
    public enum Source {
        /** Units come from the model output (claims, safety chunks). */
        OUTPUT,
        /** Units come from the prompts (instructions to follow). */
        PROMPT,
        /** Units are fixed aspects named in the instructions (completeness dimensions, rubric levels). */
        ASPECTS,
        /** Units are the documents, in their ranking order (context relevance and precision). */
        DOCUMENTS,
        /** Units come from the ground truth (its claims, for context recall). */
        GROUND_TRUTH,
        /** Units come from the conversation: the context turns and the output as the last assistant turn. */
        CONVERSATION,
        /** Units are the tool calls the agent made, in order. */
        TOOL_CALLS
    }

    /** Validates. */
    public UnitKind {
        Checks.nonBlank(name, "unitKind.name");
        Checks.nonBlank(partitionInstructions, "unitKind.partitionInstructions");
        Checks.notNull(source, "unitKind.source");
        Checks.notNull(labels, "unitKind.labels");
        labels = List.copyOf(labels);
        for (String label : labels) {
            Checks.nonBlank(label, "unitKind.labels[]");
        }
    }
}
