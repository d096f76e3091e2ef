package dev.railguard.engine.internal.judge;

import dev.railguard.engine.JudgeLimits;
import dev.railguard.engine.internal.call.EngineCounters;
import dev.railguard.engine.internal.call.Ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The dispatcher on its own: limits, budgets and queues without parked threads. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class DispatcherTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(8);
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);

    @AfterEach
    void stop() {
        pool.shutdownNow();
        timer.shutdownNow();
    }

    private Dispatcher dispatcher(int global, JudgeLimits perJudge) {
        return new Dispatcher(pool, timer, global, j -> perJudge, true, Duration.ofSeconds(10), new EngineCounters());
    }

    @Test
    void the_global_and_per_judge_limits_hold_while_the_rest_waits_in_the_queue() throws Exception {
        // Admission is decided synchronously in submit: no thread is parked for a permit.
        Dispatcher d = dispatcher(3, JudgeLimits.ofConcurrency(2));
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        AtomicInteger maxPerJudge = new AtomicInteger();
        AtomicInteger[] perJudge = {new AtomicInteger(), new AtomicInteger()};
        CountDownLatch release = new CountDownLatch(1);
        List<CompletableFuture<Integer>> all = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int judge = i % 2;
            all.add(d.submit("judge" + judge, Ticket.NONE, 1, () -> {
                maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                maxPerJudge.accumulateAndGet(perJudge[judge].incrementAndGet(), Math::max);
                release.await();
                perJudge[judge].decrementAndGet();
                running.decrementAndGet();
                return judge;
            }));
        }
        assertThat(d.queued()).isEqualTo(17);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        // wait until three calls have entered and counted themselves per judge, so none of them has yet been released
        while (perJudge[0].get() + perJudge[1].get() < 3 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        release.countDown();
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertThat(maxRunning.get()).isEqualTo(3);
        assertThat(maxPerJudge.get()).isEqualTo(2);
        assertThat(d.queued()).isZero();
    }

    @Test
    void a_tokens_per_minute_budget_delays_calls_until_it_refills() throws Exception {
        // 60,000 tokens a minute = 1,000 a second; each call is estimated at 1,000 tokens.
        Dispatcher d = dispatcher(8, JudgeLimits.ofConcurrency(8).withTokensPerMinute(60_000));
        long t0 = System.nanoTime();
        List<CompletableFuture<Long>> started = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            started.add(d.submit("judge", Ticket.NONE, 1000, () -> System.nanoTime() - t0));
        }
        assertThat(TimeUnit.NANOSECONDS.toMillis(started.get(2).get(10, TimeUnit.SECONDS)))
                .isGreaterThanOrEqualTo(1900);
    }

    @Test
    void a_requests_per_minute_budget_starts_one_call_per_refill_of_a_clock_moved_by_hand() throws Exception {
        // 240 a minute = 4 a second, a burst of 4. The clock stands still unless the test moves it, so what starts is
        // decided by the budget alone, not by how fast this machine runs; the timer only wakes the queue.
        AtomicLong clock = new AtomicLong();
        Dispatcher d = new Dispatcher(pool, timer, 8, j -> JudgeLimits.ofConcurrency(8).withRequestsPerMinute(240),
                true, Duration.ofSeconds(10), new EngineCounters(), clock::get);
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int n = i;
            calls.add(d.submit("judge", Ticket.NONE, 1, () -> n));
        }
        // admission is decided in submit: the burst of four starts, four wait for the budget
        assertThat(d.queued()).isEqualTo(4);
        CompletableFuture.allOf(calls.subList(0, 4).toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertThat(d.queued()).as("no time has passed, so nothing refilled").isEqualTo(4);

        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(300)); // 1.2 calls' worth
        assertThat(calls.get(4).get(10, TimeUnit.SECONDS)).isEqualTo(4);
        assertThat(d.queued()).isEqualTo(3);
        assertThat(calls.subList(5, 8)).noneMatch(CompletableFuture::isDone);

        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(800)); // 0.2 + 3.2 calls' worth
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertThat(d.queued()).isZero();
    }

    @Test
    void a_canceled_ticket_never_starts_its_queued_work() throws Exception {
        Dispatcher d = dispatcher(1, JudgeLimits.ofConcurrency(1));
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger ran = new AtomicInteger();
        CompletableFuture<Integer> first = d.submit("judge", Ticket.NONE, 1, () -> {
            release.await();
            return 1;
        });
        Ticket ticket = new Ticket(() -> { });
        CompletableFuture<Integer> queued = d.submit("judge", ticket, 1, ran::incrementAndGet);
        ticket.cancel();
        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(queued).failsWithin(Duration.ofSeconds(5));
        assertThat(ran.get()).isZero();
    }
}
