package dev.railguard.evals;

import dev.langchain4j.service.Result;
import dev.railguard.evals.internal.Iterations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The thing being evaluated ("agent"): any {@code Function<String, String>}, a LangChain4j AI service method that
 * returns {@code Result<?>} (its tool executions then feed the reliability eval), or a team of them. A subject may be
 * called from several threads at once when an eval runs with parallelism above 1; a stateful agent should be
 * evaluated with parallelism 1.
 *
 * <pre>{@code
 * Subject agent = Subject.of("support-bot", "gpt-4o-mini", assistant::chat);          // Function<String, String>
 * Subject tools = Subject.aiService("calculator", "gpt-4o-mini", calculator::ask);  // ask returns Result<String>
 * Subject team  = Subject.team("research-team", "gpt-4o", List.of(researcher, writer));
 * }</pre>
 */
public final class Subject {

    private final String name;
    private final String modelId;
    private final BiFunction<String, String, AgentReply> call;

    private Subject(String name, String modelId, BiFunction<String, String, AgentReply> call) {
        Objects.requireNonNull(name, "name must not be null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank, but was: '" + name + "'");
        }
        this.name = name;
        this.modelId = modelId;
        this.call = call;
    }

    /** A subject named {@code agent} without a known model. */
    public static Subject of(Function<String, String> agent) {
        return of("agent", null, agent);
    }

    /** A plain function subject; {@code modelId} may be null (it is recorded as the subject's model). */
    public static Subject of(String name, String modelId, Function<String, String> agent) {
        Objects.requireNonNull(agent, "agent must not be null");
        return new Subject(name, modelId, (memoryId, input) -> new AgentReply(agent.apply(input), List.of()));
    }

    /**
     * An agent with per-conversation memory, such as an AI service method with a {@code @MemoryId} parameter: every
     * call gets a fresh memory id ({@code eval_<runId>_<iteration>} in accuracy), so iterations never share history
     * (Agno issue #4878).
     *
     * <pre>{@code
     * Subject bot = Subject.withMemoryId("support", "gpt-4o-mini", (memoryId, input) -> assistant.chat(memoryId, input));
     * }</pre>
     */
    public static Subject withMemoryId(String name, String modelId, BiFunction<String, String, String> agent) {
        Objects.requireNonNull(agent, "agent must not be null");
        return new Subject(name, modelId, (memoryId, input) -> new AgentReply(agent.apply(memoryId, input),
                List.of()));
    }

    /**
     * A LangChain4j AI service method returning {@code Result<?>}: the content is {@code String.valueOf(content)}
     * (null stays null), the tool calls are {@link ToolCall#fromResult the result's tool executions}.
     */
    public static Subject aiService(String name, String modelId, Function<String, ? extends Result<?>> service) {
        Objects.requireNonNull(service, "service must not be null");
        return new Subject(name, modelId, (memoryId, input) -> {
            Result<?> r = service.apply(input);
            if (r == null) {
                return new AgentReply(null, List.of());
            }
            return new AgentReply(r.content() == null ? null : String.valueOf(r.content()), ToolCall.fromResult(r));
        });
    }

    /**
     * A team: the members run in order, each one given the previous member's answer (the first gets the input); the
     * team's answer is the last member's, and its tool calls are all members' calls in order. A member's failure is
     * the team's failure.
     */
    public static Subject team(String name, String modelId, List<Subject> members) {
        List<Subject> copy = List.copyOf(Objects.requireNonNull(members, "members must not be null"));
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("members must not be empty");
        }
        return new Subject(name, modelId, (memoryId, input) -> {
            String text = input;
            List<ToolCall> calls = new ArrayList<>();
            for (Subject m : copy) {
                AgentReply r = m.call(memoryId, text);
                calls.addAll(r.toolCalls());
                text = r.content();
            }
            return new AgentReply(text, calls);
        });
    }

    /** The subject's name (Agno's {@code evaluated_component_name}). */
    public String name() {
        return name;
    }

    /** The subject's model, or null when unknown. */
    public String modelId() {
        return modelId;
    }

    /** This subject reported as running {@code modelId}. */
    public Subject withModelId(String modelId) {
        return new Subject(name, modelId, call);
    }

    /** Calls the subject with a fresh memory id. */
    AgentReply call(String input) {
        return call(freshMemoryId(), input);
    }

    /** Calls the subject; a subject with memory gets {@code memoryId}, others ignore it. */
    AgentReply call(String memoryId, String input) {
        return call.apply(memoryId, input);
    }

    /**
     * The subject's answer to {@code input} with a fresh memory id; a failure is an error entry's exception,
     * {@code agent: <cause>} (a timeout said with {@code timeout}).
     */
    String answer(String input, Duration timeout) {
        return answer(freshMemoryId(), input, timeout);
    }

    /** The subject's answer to {@code input} with {@code memoryId}; a failure is an {@code agent: <cause>} error. */
    String answer(String memoryId, String input, Duration timeout) {
        try {
            return call(memoryId, input).content();
        } catch (RuntimeException e) {
            throw new Iterations.EvalException("agent: " + Iterations.describe(e, timeout));
        }
    }

    private static String freshMemoryId() {
        return "eval_" + UUID.randomUUID();
    }

    @Override
    public String toString() {
        return modelId == null ? name : name + " (" + modelId + ")";
    }
}
