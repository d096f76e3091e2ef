package dev.railguard.evals;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.railguard.format.AgnoEvalRun;
import java.util.Locale;

/** The four eval types, with the wire names of Agno's {@code eval_type}. */
public enum EvalType {
    /** Answers judged against expected outputs, scored 1..10. */
    ACCURACY,
    /** Outputs judged against prose criteria, binary or numeric. */
    AGENT_AS_JUDGE,
    /** Wall time and allocated bytes per run. */
    PERFORMANCE,
    /** Tool calls against expected tool calls. */
    RELIABILITY;

    /** The wire name, for example {@code agent_as_judge}. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The type whose wire name is {@code name}, in lower case as Agno's enum spells it ({@code "Accuracy"} is
     * refused, as Agno refuses it).
     *
     * @throws IllegalArgumentException naming the value and the allowed names
     */
    public static EvalType fromWireName(String name) {
        return valueOf(AgnoEvalRun.checkEvalType(name).toUpperCase(Locale.ROOT));
    }
}
