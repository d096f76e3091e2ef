package dev.railguard.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.railguard.batch.BatchSummary;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report written again from a results file alone has the counts of the run that wrote the file. */
class SummaryFromResultsTest {

    @TempDir
    Path dir;

    @Test
    void the_summary_of_a_results_file_matches_the_run_that_wrote_it() throws Exception {
        BatchSummary run = ReportFixture.run(dir);
        BatchSummary again = BatchSummary.fromResults(dir.resolve("results.jsonl"));
        assertThat(again.events()).isEqualTo(run.events());
        assertThat(again.passedEvents()).isEqualTo(run.passedEvents());
        assertThat(again.metrics()).isEqualTo(run.metrics());
        assertThat(again.nametags()).isEqualTo(run.nametags());
        assertThat(again.judgeCalls()).isEqualTo(run.judgeCalls());
        assertThat(again.resumed()).isEqualTo(run.events());
        assertThat(again.evaluatedNow()).isZero();
        assertThat(again.skippedLines()).as("only the run knew them").isEmpty();
        String html = HtmlReport.render(again, "again", HtmlReport.DEFAULT_MAX_EVENTS);
        assertThat(html).contains("data-line=\"1\"").contains("<title>again</title>");
    }

    @Test
    void a_missing_file_is_named() {
        assertThatThrownBy(() -> BatchSummary.fromResults(dir.resolve("nope.jsonl")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("results file does not exist")
                .hasMessageContaining("nope.jsonl");
    }
}
