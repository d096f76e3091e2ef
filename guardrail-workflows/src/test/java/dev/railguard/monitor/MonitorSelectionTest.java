package dev.railguard.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.web.search.WebSearchInformationResult;
import dev.langchain4j.web.search.WebSearchResults;
import dev.railguard.api.Capability;
import dev.railguard.api.EvaluationHandle;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.Evaluator;
import dev.railguard.api.ModelInput;
import dev.railguard.engine.MetricRegistry;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.engine.TestMetrics;
import dev.railguard.event.EventInput;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Seed 001 in the Java API: an event's guardrail_metrics selects a subset of the monitor's metrics; its web_search,
 * file_search and context_awareness enable capabilities within what the monitor allows; file ids restrict the judges'
 * search; a monitor's metrics and capabilities can be updated, and accepted events keep what they were accepted under.
 */
class MonitorSelectionTest {

    /** The evaluator a monitor sees, recording each request it is given. */
    private static final class Recording implements Evaluator {
        final RailguardEvaluator delegate = RailguardEvaluator.builder().metrics(MetricRegistry.of(
                TestMetrics.inProcess("alpha", 0.5, r -> 1.0), TestMetrics.inProcess("beta", 0.5, r -> 1.0),
                TestMetrics.inProcess("gamma", 0.5, r -> 1.0)))
                // search capabilities need something to search: an engine that finds nothing, one document
                .webSearch(query -> WebSearchResults.from(WebSearchInformationResult.from(0L), List.of()))
                .build();
        final List<EvaluationRequest> requests = new CopyOnWriteArrayList<>();

        Recording() {
            delegate.documents().add("policy.md", "Refunds within 30 days.");
        }

        @Override
        public EvaluationResult evaluate(EvaluationRequest request) {
            requests.add(request);
            return delegate.evaluate(request);
        }

        @Override
        public EvaluationHandle submit(EvaluationRequest request) {
            requests.add(request);
            return delegate.submit(request);
        }

        @Override
        public Set<String> metricNames() {
            return delegate.metricNames();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    private static final EventInput INPUT = EventInput.of(ModelInput.ofUserPrompt("q"), "an answer");

    private static Monitor.Builder monitor(Recording evaluator) {
        return Monitor.builder().name("m").evaluator(evaluator).metrics("alpha", "beta")
                .capabilities(Capability.WEB_SEARCH, Capability.FILE_SEARCH).fileIds("file_a", "file_b");
    }

    @Test
    void an_events_guardrail_metrics_run_only_those_metrics_and_an_event_without_runs_the_monitors()
            throws Exception {
        try (Recording evaluator = new Recording(); Monitor m = monitor(evaluator).build()) {
            MonitorEvent one = m.submit(INPUT, EventSelection.metrics("beta"));
            m.submit(INPUT);
            assertThat(m.awaitIdle(Duration.ofSeconds(10))).isTrue();
            assertThat(evaluator.requests).extracting(EvaluationRequest::metrics)
                    .containsExactly(List.of("beta"), List.of("alpha", "beta"));
            assertThat(m.event(one.eventId()).orElseThrow().evaluationResult().metrics()).containsOnlyKeys("beta");
            assertThatThrownBy(() -> m.submit(INPUT, EventSelection.metrics("alpha", "gamma")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("guardrail_metrics must be a subset of monitor " + m.id() + "'s metrics [alpha, beta],"
                            + " but 'gamma' is not one of them");
        }
    }

    @Test
    void an_event_enables_capabilities_within_what_the_monitor_allows_and_file_ids_restrict_its_search()
            throws Exception {
        try (Recording evaluator = new Recording(); Monitor m = monitor(evaluator).build()) {
            m.submit(INPUT, EventSelection.MONITOR_DEFAULTS.withCapabilities(Capability.WEB_SEARCH));
            m.submit(INPUT, EventSelection.MONITOR_DEFAULTS.withCapabilities().withFileIds("file_b"));
            m.submit(INPUT);
            assertThat(m.awaitIdle(Duration.ofSeconds(10))).isTrue();
            EvaluationRequest web = evaluator.requests.get(0);
            assertThat(web.capabilities()).containsExactly(Capability.WEB_SEARCH);
            assertThat(web.modelInput().extras()).containsEntry("file_search", "file_a,file_b");
            EvaluationRequest files = evaluator.requests.get(1);
            assertThat(files.capabilities()).containsExactly(Capability.FILE_SEARCH);
            assertThat(files.modelInput().extras()).containsEntry("file_search", "file_b");
            assertThat(evaluator.requests.get(2).capabilities())
                    .containsExactlyInAnyOrder(Capability.WEB_SEARCH, Capability.FILE_SEARCH);

            assertThatThrownBy(() -> m.submit(INPUT, EventSelection.MONITOR_DEFAULTS
                    .withCapabilities(Capability.CONTEXT_AWARENESS)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("an event may enable only the capabilities monitor " + m.id() + " allows [file_search,"
                            + " web_search], but context_awareness is not allowed; allow it with"
                            + " monitor.update(MonitorUpdate.builder().capabilities(...).build())");
            assertThatThrownBy(() -> m.submit(INPUT, EventSelection.MONITOR_DEFAULTS.withFileIds("file_z")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("file_search ids must be among monitor " + m.id() + "'s files [file_a, file_b], but"
                            + " 'file_z' is not one of them");
        }
    }

    @Test
    void an_update_changes_metrics_and_capabilities_for_later_events_and_accepted_events_keep_theirs()
            throws Exception {
        try (Recording evaluator = new Recording();
                Monitor m = monitor(evaluator).maxInFlight(1).build()) {
            MonitorEvent before = m.submit(INPUT);
            m.update(MonitorUpdate.builder().metrics("gamma").capabilities(Capability.CONTEXT_AWARENESS).build());
            MonitorEvent after = m.submit(EventInput.of(ModelInput.builder().userPrompt("q").addContext("user", "hi")
                    .build(), "an answer"));
            assertThat(m.awaitIdle(Duration.ofSeconds(10))).isTrue();

            assertThat(m.metrics()).containsExactly("gamma");
            assertThat(m.capabilities()).containsExactly(Capability.CONTEXT_AWARENESS);
            assertThat(m.fileIds()).containsExactly("file_a", "file_b");
            assertThat(m.event(before.eventId()).orElseThrow().evaluationResult().metrics())
                    .containsOnlyKeys("alpha", "beta");
            assertThat(evaluator.requests.get(0).capabilities())
                    .containsExactlyInAnyOrder(Capability.WEB_SEARCH, Capability.FILE_SEARCH);
            assertThat(m.event(after.eventId()).orElseThrow().evaluationResult().metrics()).containsOnlyKeys("gamma");
            assertThat(evaluator.requests.get(1).capabilities()).containsExactly(Capability.CONTEXT_AWARENESS);
            assertThat(m.distribution("gamma").evaluated()).isEqualTo(1);
            assertThat(m.distribution("alpha").evaluated()).isEqualTo(1);

            assertThatThrownBy(() -> m.update(MonitorUpdate.builder().metrics().build()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("metrics must name at least one metric, but was: []");
            assertThatThrownBy(() -> m.update(MonitorUpdate.builder().metrics("delta").build()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("metrics contains unknown metric 'delta'");
            assertThat(m.metrics()).containsExactly("gamma");
        }
    }
}
