package dev.railguard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.railguard.engine.batchapi.BatchApi;
import dev.railguard.engine.batchapi.internal.BatchJobs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad settings of the batch API, its prices and its job file: each fails at once with the whole message naming the
 * field, the value and what is allowed.
 */
class BatchApiBadInputTest {

    @TempDir
    static Path dir;

    private static BatchApi.Builder api() {
        return BatchApi.openAi("http://127.0.0.1:1/v1", "k");
    }

    static Stream<Arguments> cases() {
        return Stream.of(
            Arguments.of("provider without a batch API", (ThrowingCallable) () -> BatchApi.of("ollama", null, "k"),
                    "batchApi.provider must be one of [openai, anthropic, gemini], but was: 'ollama'; Railguard"
                            + " knows no batch API of that provider: run without --batch-api to use its synchronous"
                            + " API"),
            Arguments.of("base URL not http", (ThrowingCallable) () -> BatchApi.openAi("ftp://host/v1", "k"),
                    "batchApi.baseUrl must be an http or https URL, but was: 'ftp://host/v1'"),
            Arguments.of("blank key", (ThrowingCallable) () -> BatchApi.anthropic(null, " "),
                    "batchApi.apiKey must not be blank: set the anthropic API key (RAILGUARD_JUDGE_API_KEY)"),
            Arguments.of("quiet period too short", (ThrowingCallable) () -> api().quietPeriod(Duration.ofMillis(1)),
                    "quietPeriod must be between 10 ms and 60000 ms, but was: 1 ms"),
            Arguments.of("poll max below initial", (ThrowingCallable) () -> api().pollInterval(Duration.ofSeconds(2),
                    Duration.ofSeconds(1)),
                    "pollInterval.max must be between 2000 ms and 3600000 ms, but was: 1000 ms"),
            Arguments.of("too many requests per batch", (ThrowingCallable) () -> api().maxRequestsPerBatch(50_001),
                    "maxRequestsPerBatch must be between 1 and 50000 (openai's limit), but was: 50001"),
            Arguments.of("batch fraction above 1", (ThrowingCallable) () -> PriceTable.builder().batchFraction(1.5),
                    "batchFraction must be in (0, 1], but was: 1.5"),
            Arguments.of("negative cached price", (ThrowingCallable) () -> PriceTable.builder()
                    .cachedInputPerMillionTokens("m", -1), "prices must be finite and >= 0, but were: input -1.0,"
                            + " output 0.0"),
            Arguments.of("job file of another input", (ThrowingCallable) () -> BatchJobs.open(jobFile(), "other",
                    "openai"), "batchApi.jobFile '" + dir.resolve("jobs.json") + "' holds the batches of another"
                            + " input (input hash abc), but this run's input hash is other; resume with the input"
                            + " file of that run, or start over (without --resume), which abandons those batches"),
            Arguments.of("job file of another provider", (ThrowingCallable) () -> BatchJobs.open(jobFile(), "abc",
                    "anthropic"), "batchApi.jobFile '" + dir.resolve("jobs.json") + "' holds batches of provider"
                            + " 'openai', but this run uses 'anthropic'; resume with the same provider, or start over"
                            + " (without --resume)"),
            Arguments.of("job file batch without an id", (ThrowingCallable) () -> BatchJobs.open(edited(
                    "{\"format\":1,\"provider\":\"openai\",\"run_key\":\"abc\",\"next_line\":2,\"batches\":"
                            + "[{\"round\":1,\"lines\":{\"rg-1\":\"key\"}}]}"), "abc", "openai"),
                    "batchApi.jobFile '" + dir.resolve("edited.json") + "' must hold batches with an id, a round and"
                            + " their lines, but batch 1 is {\"round\":1,\"lines\":{\"rg-1\":\"key\"}}; its"
                            + " requests would be sent again: delete the file to start over"),
            Arguments.of("job file lines not a map", (ThrowingCallable) () -> BatchJobs.open(edited(
                    "{\"format\":1,\"provider\":\"openai\",\"run_key\":\"abc\",\"next_line\":2,\"batches\":"
                            + "[{\"id\":\"batch_1\",\"round\":1,\"lines\":[\"key\"]}]}"), "abc", "openai"),
                    "batchApi.jobFile '" + dir.resolve("edited.json") + "' must hold batches with an id, a round and"
                            + " their lines, but batch 1 is {\"id\":\"batch_1\",\"round\":1,\"lines\":[\"key\"]}; its"
                            + " requests would be sent again: delete the file to start over"),
            Arguments.of("job file read flag not a boolean", (ThrowingCallable) () -> BatchJobs.open(edited(
                    "{\"format\":1,\"provider\":\"openai\",\"run_key\":\"abc\",\"next_line\":2,\"batches\":"
                            + "[{\"id\":\"batch_1\",\"round\":1,\"lines\":{\"rg-1\":\"key\"},\"read\":\"yes\"}]}"),
                    "abc", "openai"), "batchApi.jobFile '" + dir.resolve("edited.json") + "' must say whether batch 1"
                            + " was read with true or false, but it says \"yes\"; delete the file to start over"),
            Arguments.of("job file without next_line", (ThrowingCallable) () -> BatchJobs.open(edited(
                    "{\"format\":1,\"provider\":\"openai\",\"run_key\":\"abc\",\"batches\":[]}"), "abc",
                    "openai"), "batchApi.jobFile '" + dir.resolve("edited.json") + "' must say its next line number"
                            + " (next_line, 1 or more), but it does not; delete the file to start over"));
    }

    /** A job file of this content, as a hand edit or another tool might leave it. */
    private static Path edited(String json) throws Exception {
        return Files.writeString(dir.resolve("edited.json"), json);
    }

    private static Path jobFile() throws Exception {
        Path file = dir.resolve("jobs.json");
        if (!Files.exists(file)) {
            BatchJobs.open(file, "abc", "openai").record(new BatchJobs.Batch("batch_1", 1, Map.of("rg-1", "key")));
        }
        return file;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void is_refused_with_the_whole_message(String name, ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void the_job_file_holds_ids_and_hashes_and_reopens_with_them(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("jobs.json");
        BatchJobs jobs = BatchJobs.open(file, "abc", "openai");
        String id = jobs.nextLineId();
        jobs.record(new BatchJobs.Batch("batch_7", 3, Map.of(id, "hash-1")));

        BatchJobs again = BatchJobs.open(file, "abc", "openai");
        assertThat(again.lookup("hash-1")).contains(new BatchJobs.Line("batch_7", id));
        assertThat(again.lastRound()).isEqualTo(3);
        assertThat(again.nextLineId()).isNotEqualTo(id);
        again.forget("hash-1");
        assertThat(again.lookup("hash-1")).isEmpty();
    }
}
