package dev.railguard.evals;

import dev.langchain4j.service.Result;
import dev.railguard.api.Checks;
import dev.railguard.evals.internal.EvalSettings;
import dev.railguard.evals.internal.Iterations;
import dev.railguard.format.AgnoEvalInput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reliability: the tool calls an agent executed against the ones expected. The evidence is the successful tool
 * executions (a LangChain4j AI service's {@code Result.toolExecutions()}, failed ones excluded), so a call that
 * failed never counts as made, and a failed call followed by a successful retry still passes.
 *
 * <ul>
 * <li>Strict (default): a call of a tool not expected fails; {@link Builder#allowAdditionalToolCalls} lists it as
 *     additional instead. An empty expected list in strict mode means "no tool may be called".</li>
 * <li>Missing: every expected tool needs at least one successful call (duplicates in the list are satisfied by one
 *     call unless an order or count constraint says otherwise).</li>
 * <li>Order (optional): {@link Order#EXACT} (the successful calls of expected tools, in order, equal the expected
 *     list) or {@link Order#SUBSEQUENCE} (the expected list appears in order, other calls between).</li>
 * <li>Counts (optional): {@code count("search", 1, 2)}: between 1 and 2 successful calls.</li>
 * <li>Arguments: each spec (a map of argument name to {@link ArgumentMatcher} or plain value) must be matched by at
 *     least one successful call of the tool; extra actual arguments are allowed.</li>
 * </ul>
 *
 * <pre>{@code
 * ReliabilityEval eval = ReliabilityEval.builder()
 *     .expectedToolCalls("multiply", "exponentiate")
 *     .order(ReliabilityEval.Order.EXACT)
 *     .arguments("multiply", Map.of("a", 10, "b", ArgumentMatcher.regex("5|five")))
 *     .build();
 * EvalRun run = eval.evaluate(calculator.ask("What is 10*5 to the power of 2?"));   // a Result<String>
 * }</pre>
 */
public final class ReliabilityEval {

    /** Order constraints on the expected tool calls. */
    public enum Order {
        /** No order constraint (Agno's behaviour). */
        ANY,
        /** The successful calls of expected tools, in order, are exactly the expected list. */
        EXACT,
        /** The expected list appears in order among the successful calls. */
        SUBSEQUENCE
    }

    private record CountRule(String tool, int min, int max) {}

    private record Spec(String tool, Map<String, ArgumentMatcher> matchers) {
        String describe() {
            StringBuilder sb = new StringBuilder("{");
            matchers.forEach((k, m) -> sb.append(sb.length() > 1 ? ", " : "").append(k).append(": ")
                    .append(m.describe()));
            return sb.append('}').toString();
        }
    }

    private final List<String> expected;
    private final boolean allowAdditional;
    private final Order order;
    private final List<CountRule> counts;
    private final List<Spec> specs;
    private final String name;
    private final java.time.Duration timeout;

    private ReliabilityEval(Builder b) {
        this.timeout = b.timeout;
        this.expected = b.expected == null ? null : List.copyOf(b.expected);
        this.allowAdditional = b.allowAdditional;
        this.order = b.order;
        if (order != Order.ANY && (expected == null || expected.isEmpty())) {
            throw new IllegalArgumentException("order " + order + " needs a non-empty expectedToolCalls list");
        }
        this.counts = List.copyOf(b.counts);
        this.specs = List.copyOf(b.specs);
        this.name = b.name;
    }

    /** A builder: no expected list, strict, no order, no counts, no argument specs. */
    public static Builder builder() {
        return new Builder();
    }

    /** Evaluates the tool executions of a LangChain4j AI service result. */
    public EvalRun evaluate(Result<?> result) {
        return evaluate(ToolCall.fromResult(result));
    }

    /** Evaluates the tool executions of several results (a team's members), in order. */
    public EvalRun evaluateAll(List<? extends Result<?>> results) {
        List<ToolCall> calls = new ArrayList<>();
        for (Result<?> r : results) {
            calls.addAll(ToolCall.fromResult(r));
        }
        return evaluate(calls);
    }

    /** Evaluates tool calls gathered any other way. */
    public EvalRun evaluate(List<ToolCall> calls) {
        return record(calls, null, null);
    }

    /**
     * Runs {@code subject} once on {@code input} (within the timeout) and evaluates its tool calls. An agent exception
     * or a timeout is not a tool verdict: the run is ERROR with the cause in {@code failed_constraints}.
     */
    public EvalRun run(Subject subject, String input) {
        Objects.requireNonNull(subject, "subject must not be null");
        Instant created = Instant.now();
        java.util.concurrent.ExecutorService pool = Iterations.agentPool("reliability");
        try {
            List<ToolCall> calls = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> subject.call(input).toolCalls(), pool).orTimeout(timeout.toMillis(),
                    java.util.concurrent.TimeUnit.MILLISECONDS).join();
            return record(calls, subject, created);
        } catch (RuntimeException e) {
            String cause = Iterations.describe(e, timeout);
            ReliabilityResult r = new ReliabilityResult(EvalStatus.ERROR, List.of(), List.of(), List.of(),
                    List.of(), List.of(), List.of(), List.of(cause.startsWith("timeout:") ? cause : "agent: " + cause));
            return EvalRun.of(EvalType.RELIABILITY, name, subject.name(), subject.modelId(), null, evalInput(), r,
                    created);
        } finally {
            pool.shutdownNow();
        }
    }

    private EvalRun record(List<ToolCall> calls, Subject subject, Instant created) {
        Instant start = created == null ? Instant.now() : created;
        return EvalRun.of(EvalType.RELIABILITY, name, subject == null ? null : subject.name(),
                subject == null ? null : subject.modelId(), null, evalInput(), check(calls), start);
    }

    /** The verdict on {@code calls}, without a run record. */
    public ReliabilityResult check(List<ToolCall> calls) {
        Objects.requireNonNull(calls, "calls must not be null");
        List<String> passed = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<String> additional = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> failedArgs = new ArrayList<>();
        List<String> passedArgs = new ArrayList<>();
        List<String> constraints = new ArrayList<>();
        Set<String> expectedSet = expected == null ? null : new LinkedHashSet<>(expected);
        for (ToolCall c : calls) {
            if (expectedSet != null && !expectedSet.contains(c.name())) {
                (allowAdditional ? additional : failed).add(c.name());
            } else if (!c.failed()) {
                passed.add(c.name());
            }
        }
        Set<String> missingNames = new LinkedHashSet<>();
        if (expectedSet != null) {
            for (String tool : expectedSet) {
                boolean ok = calls.stream().anyMatch(c -> c.name().equals(tool) && !c.failed());
                if (!ok) {
                    missingNames.add(tool);
                    boolean attempted = calls.stream().anyMatch(c -> c.name().equals(tool));
                    missing.add(attempted ? tool + " (executed but failed)" : tool);
                }
            }
        }
        Map<String, List<Spec>> byTool = new LinkedHashMap<>();
        for (Spec s : specs) {
            byTool.computeIfAbsent(s.tool(), t -> new ArrayList<>()).add(s);
        }
        byTool.forEach((tool, toolSpecs) -> {
            if (missingNames.contains(tool)) {
                return;
            }
            List<Map<String, Object>> candidates = calls.stream()
                    .filter(c -> c.name().equals(tool) && !c.failed()).map(ToolCall::arguments).toList();
            boolean all = true;
            for (Spec s : toolSpecs) {
                if (candidates.isEmpty()) {
                    failedArgs.add(tool + ": no successful call to check " + s.describe() + " against");
                    all = false;
                } else if (candidates.stream().noneMatch(args -> matches(s, args))) {
                    failedArgs.add(tool + ": no successful call matched " + s.describe() + "; calls had "
                            + candidates);
                    all = false;
                }
            }
            if (all) {
                passedArgs.add(tool);
            }
        });
        List<String> sequence = calls.stream().filter(c -> !c.failed())
                .map(ToolCall::name).filter(n -> expectedSet == null || expectedSet.contains(n)).toList();
        if (order == Order.EXACT && !sequence.equals(expected)) {
            constraints.add("order: expected exactly " + expected + ", but the successful calls were " + sequence);
        } else if (order == Order.SUBSEQUENCE && !isSubsequence(expected, sequence)) {
            constraints.add("order: expected " + expected + " in this order, but the successful calls were "
                    + sequence);
        }
        for (CountRule r : counts) {
            long n = calls.stream().filter(c -> c.name().equals(r.tool()) && !c.failed()).count();
            if (n < r.min() || n > r.max()) {
                constraints.add("count: " + r.tool() + " was called successfully " + n + " times, allowed "
                        + r.min() + ".." + (r.max() == Integer.MAX_VALUE ? "any" : r.max()));
            }
        }
        boolean ok = failed.isEmpty() && missing.isEmpty() && failedArgs.isEmpty() && constraints.isEmpty();
        return new ReliabilityResult(ok ? EvalStatus.PASSED : EvalStatus.FAILED, passed, failed, additional, missing,
                failedArgs, passedArgs, constraints);
    }

    private static boolean matches(Spec spec, Map<String, Object> args) {
        for (Map.Entry<String, ArgumentMatcher> e : spec.matchers().entrySet()) {
            if (!args.containsKey(e.getKey()) || !e.getValue().matches(args.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSubsequence(List<String> wanted, List<String> actual) {
        int i = 0;
        for (String a : actual) {
            if (i < wanted.size() && wanted.get(i).equals(a)) {
                i++;
            }
        }
        return i == wanted.size();
    }

    private Map<String, Object> evalInput() {
        Map<String, String> args = new LinkedHashMap<>();
        for (Spec s : specs) {
            args.put(s.tool(), s.describe());
        }
        List<String> c = new ArrayList<>();
        for (CountRule r : counts) {
            c.add(r.tool() + " " + r.min() + ".." + (r.max() == Integer.MAX_VALUE ? "any" : r.max()));
        }
        return new AgnoEvalInput.Reliability(expected, allowAdditional, order.name().toLowerCase(Locale.ROOT), args,
                c).toMap();
    }

    /** Builds a {@link ReliabilityEval}. */
    public static final class Builder {
        private List<String> expected;
        private boolean allowAdditional;
        private Order order = Order.ANY;
        private final List<CountRule> counts = new ArrayList<>();
        private final List<Spec> specs = new ArrayList<>();
        private String name;
        private java.time.Duration timeout = EvalSettings.DEFAULT_TIMEOUT;

        private Builder() {}

        /** The bound on the subject's run in {@link #run(Subject, String)}; default 120 s. */
        public Builder timeout(java.time.Duration timeout) {
            this.timeout = Checks.positive(timeout, "timeout");
            return this;
        }

        /** The tools expected to be called (an empty list: no tool may be called in strict mode). */
        public Builder expectedToolCalls(String... tools) {
            return expectedToolCalls(Arrays.asList(tools));
        }

        /** The tools expected to be called. */
        public Builder expectedToolCalls(List<String> tools) {
            this.expected = EvalSettings.texts("expectedToolCalls", tools);
            return this;
        }

        /** Whether calls of tools not expected are allowed (listed as additional); default false. */
        public Builder allowAdditionalToolCalls(boolean allow) {
            this.allowAdditional = allow;
            return this;
        }

        /** An order constraint on the expected list; default ANY. */
        public Builder order(Order order) {
            this.order = Objects.requireNonNull(order, "order must not be null");
            return this;
        }

        /** {@code tool} must be called successfully between {@code min} and {@code max} times. */
        public Builder count(String tool, int min, int max) {
            EvalSettings.required("tool", tool);
            if (min < 0 || max < min) {
                throw new IllegalArgumentException("count for " + tool + " must satisfy 0 <= min <= max, but was: "
                        + min + ".." + max);
            }
            counts.add(new CountRule(tool, min, max));
            return this;
        }

        /**
         * An argument spec for {@code tool}: one successful call must have every key, each value accepted by its
         * {@link ArgumentMatcher} (a plain value means {@link ArgumentMatcher#equalTo}). Several specs for one tool
         * must each be matched.
         */
        public Builder arguments(String tool, Map<String, ?> spec) {
            EvalSettings.required("tool", tool);
            Objects.requireNonNull(spec, "spec must not be null");
            Map<String, ArgumentMatcher> m = new LinkedHashMap<>();
            spec.forEach((k, v) -> m.put(k, ArgumentMatcher.of(v)));
            specs.add(new Spec(tool, m));
            return this;
        }

        /** The eval's name. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * Builds the eval.
         *
         * @throws IllegalArgumentException when an order constraint has no expected list
         */
        public ReliabilityEval build() {
            return new ReliabilityEval(this);
        }
    }
}
