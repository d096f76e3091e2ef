package dev.railguard.evals.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.railguard.api.Checks;
import dev.railguard.api.Usage;
import dev.railguard.engine.Judge;
import dev.railguard.engine.JudgeAnswer;
import dev.railguard.engine.JudgeQuestion;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * The judged loop that accuracy and agent-as-judge share: get each iteration's item (an agent's answer or a given
 * case), ask the judge one question about it, and turn the reply, an empty output, a judge failure, an agent failure
 * or a timeout into that iteration's result. At most {@code parallelism} iterations run at once, each bounded by the
 * timeout; the judges' token usage is summed. Nothing is dropped: every iteration has a result, in order.
 */
public final class JudgedIterations {

    private final JudgeChoice judge;
    private final int parallelism;
    private final Duration timeout;

    /** Runs iterations judged by {@code judge}, {@code parallelism} at a time, each within {@code timeout}. */
    public JudgedIterations(JudgeChoice judge, int parallelism, Duration timeout) {
        this.judge = Objects.requireNonNull(judge, "judge must not be null");
        this.parallelism = Checks.between(parallelism, 1, 64, "parallelism");
        this.timeout = Checks.positive(timeout, "timeout");
    }

    /** How many iterations may run at once. */
    public int parallelism() {
        return parallelism;
    }

    /** The bound on one iteration (its agent call, if any, and its judging). */
    public Duration timeout() {
        return timeout;
    }

    /**
     * How one eval judges an item of type {@code I} and what its results of type {@code R} look like.
     *
     * @param <I> an item to judge: an output, or a case with its input and output
     * @param <R> the result of one iteration
     */
    public interface Judging<I, R> {

        /** The output in {@code item}; null or blank means the agent gave none (error {@code agent: empty output}). */
        String output(I item);

        /** The judge's role, as a self-judging refusal or warning names it ("accuracy judge"). */
        String role();

        /** The question the judge is asked about {@code item}. */
        JudgeQuestion question(I item);

        /** The result of iteration {@code i} from the judge's valid {@code reply}. */
        R judged(int i, I item, JsonNode reply, String judgeName);

        /**
         * The result of iteration {@code i} that has {@code error} instead of a verdict; {@code item} is null when
         * there is none (the agent failed or the iteration timed out), {@code judgeName} when no judge answered.
         */
        R error(int i, I item, String error, String judgeName);
    }

    /**
     * What a judged run produced.
     *
     * @param judge   the judge that was asked
     * @param created when the run started
     * @param results one result per iteration, in order
     * @param usage   the judges' token usage, summed
     * @param warnings the self-judging warning when the evaluator allows it with a warning and the judge is the
     *                 subject's own model; else empty
     */
    public record Judged<R>(Judge judge, Instant created, List<R> results, Usage usage, List<String> warnings) {

        /** Copies. */
        public Judged {
            results = List.copyOf(results);
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Resolves the judge (avoiding {@code subjectModel}) and checks it under the evaluator's self-judging policy,
     * then gets and judges {@code count} items.
     *
     * @throws IllegalArgumentException when no judge can be asked (no custom judge, none in the tier), or the judge
     *                                  is the subject's own model and the evaluator refuses self-judging
     */
    public <I, R> Judged<R> run(String subjectModel, int count, IntFunction<CompletableFuture<I>> items,
            Judging<I, R> judging) {
        Judge resolved = judge.resolve(subjectModel);
        List<String> warnings = judge.evaluator().checkSelfJudging(resolved, subjectModel, judging.role()).stream()
                .toList();
        Instant created = Instant.now();
        AtomicReference<Usage> usage = new AtomicReference<>(Usage.NONE);
        List<Iterations.Outcome<R>> outcomes = Iterations.run(count, parallelism, timeout,
                i -> items.apply(i).thenCompose(item -> judgeOne(i, item, resolved, usage, judging)));
        List<R> results = new ArrayList<>();
        for (Iterations.Outcome<R> o : outcomes) {
            results.add(o.value() != null ? o.value() : judging.error(o.index(), null, o.error(), null));
        }
        return new Judged<>(resolved, created, results, usage.get(), warnings);
    }

    private <I, R> CompletableFuture<R> judgeOne(int i, I item, Judge resolved, AtomicReference<Usage> usage,
            Judging<I, R> judging) {
        String output = item == null ? null : judging.output(item);
        if (output == null || output.isBlank()) {
            return CompletableFuture.completedFuture(judging.error(i, item, "agent: empty output", null));
        }
        return judge.ask(resolved, judging.question(item)).thenApply(a -> {
            usage.accumulateAndGet(a.usage(), Usage::plus);
            return fromAnswer(i, item, a, judging);
        });
    }

    private static <I, R> R fromAnswer(int i, I item, JudgeAnswer a, Judging<I, R> judging) {
        if (!a.ok()) {
            return judging.error(i, item, "judge: " + a.failure(), a.judge());
        }
        return judging.judged(i, item, a.reply(), a.judge());
    }
}
