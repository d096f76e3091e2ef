package dev.railguard.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An interrupt is how a caller stops a run (the run then writes what finished and says "run again to resume"), so
 * the results file must keep taking lines while the writing thread's interrupt flag is set: an interruptible file
 * channel would close itself on the first write and fail the run with an I/O error instead.
 */
class ResultsFileInterruptTest {

    @TempDir
    Path dir;

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void a_line_appended_by_an_interrupted_thread_is_written_and_the_flag_is_kept() throws IOException {
        Path file = dir.resolve("out/results.jsonl");
        try (ResultsFile results = ResultsFile.append(file)) {
            results.append("{\"line\":1}".getBytes(StandardCharsets.UTF_8));
            Thread.currentThread().interrupt();

            results.append("{\"line\":2}".getBytes(StandardCharsets.UTF_8));
            results.append("{\"line\":3}".getBytes(StandardCharsets.UTF_8));

            assertThat(Thread.currentThread().isInterrupted()).as("the caller's interrupt is not swallowed").isTrue();
        }

        assertThat(Files.readAllLines(file)).containsExactly("{\"line\":1}", "{\"line\":2}", "{\"line\":3}");
    }
}
