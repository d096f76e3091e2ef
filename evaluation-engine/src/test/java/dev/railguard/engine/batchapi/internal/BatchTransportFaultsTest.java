package dev.railguard.engine.batchapi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.railguard.engine.batchapi.BatchApi;
import dev.railguard.testkit.RecordedRequest;
import dev.railguard.testkit.StubOpenAiServer;
import dev.railguard.testkit.StubReply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch transport against an OpenAI batch endpoint scripted per test: results files with a broken, a duplicate
 * or a foreign line, a job file that cannot be written, a provider error that echoes the key.
 */
class BatchTransportFaultsTest {

    private final List<String> progress = new CopyOnWriteArrayList<>();

    /** One answered line of an output file: {@code content} for {@code customId}. */
    private static String answer(String customId, String content) {
        return "{\"custom_id\":\"" + customId + "\",\"response\":{\"status_code\":200,\"body\":{\"choices\":[{"
                + "\"message\":{\"content\":\"" + content + "\"},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":2}}},\"error\":null}";
    }

    /** An OpenAI batch endpoint whose one batch completes at once with {@code output} as its output file. */
    private static Function<RecordedRequest, StubReply> completedWith(String output) {
        return r -> switch (r.path()) {
            case "/v1/files" -> StubReply.garbage("{\"id\":\"file-in\"}");
            case "/v1/batches" -> StubReply.garbage("{\"id\":\"batch_1\"}");
            case "/v1/batches/batch_1" -> StubReply.garbage("{\"id\":\"batch_1\",\"status\":\"completed\","
                    + "\"output_file_id\":\"file-out\",\"request_counts\":{\"total\":2,\"completed\":2}}");
            case "/v1/files/file-out/content" -> StubReply.garbage(output);
            default -> StubReply.status(404);
        };
    }

    private BatchTransport transport(StubOpenAiServer server, String key, Path jobFile) {
        BatchApi.Builder api = BatchApi.openAi(server.baseUrl(), key).quietPeriod(Duration.ofMillis(50))
                .pollInterval(Duration.ofMillis(10), Duration.ofMillis(20)).progress(progress::add);
        if (jobFile != null) {
            api.jobFile(jobFile, "input-hash");
        }
        return BatchTransport.of(api.build());
    }

    private static CompletableFuture<ChatResponse> ask(BatchTransport t, String question) {
        return t.exchange("judge-model", ChatRequest.builder().messages(UserMessage.from(question)).build(),
                () -> {
                    throw new AssertionError("no synchronous call expected");
                });
    }

    private static Throwable failure(CompletableFuture<ChatResponse> f) throws Exception {
        try {
            f.get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("expected a failure, got " + f.join());
    }

    @Test
    void a_broken_results_line_fails_only_its_own_request_and_the_others_are_answered() throws Exception {
        String output = answer("rg-1", "first") + "\n{\"custom_id\":\"rg-2\",\"response\":{\"status_co\n";
        try (StubOpenAiServer server = StubOpenAiServer.start(completedWith(output));
                BatchTransport t = transport(server, "sk-test-key-123456", null)) {
            CompletableFuture<ChatResponse> first = ask(t, "one");
            CompletableFuture<ChatResponse> second = ask(t, "two");

            assertThat(first.get(20, TimeUnit.SECONDS).aiMessage().text()).isEqualTo("first");
            assertThat(failure(second)).isInstanceOf(RetriableException.class)
                    .hasMessage("batch batch_1 line rg-2: the line is missing from the results of batch batch_1 (1 of its"
                            + " results lines was not readable: a partial download?)");
            // the batch was read once: a broken line is no reason to download the results again
            assertThat(server.requests().stream().filter(r -> r.path().equals("/v1/files/file-out/content")))
                    .hasSize(1);
        }
    }

    @Test
    void two_different_results_lines_for_one_request_fail_it_instead_of_picking_one() throws Exception {
        String output = answer("rg-1", "yes") + "\n" + answer("rg-1", "no") + "\n" + answer("rg-2", "two") + "\n"
                + answer("rg-2", "two") + "\n" + answer("rg-77", "stranger") + "\n";
        try (StubOpenAiServer server = StubOpenAiServer.start(completedWith(output));
                BatchTransport t = transport(server, "sk-test-key-123456", null)) {
            CompletableFuture<ChatResponse> first = ask(t, "one");
            CompletableFuture<ChatResponse> second = ask(t, "two");

            assertThat(failure(first)).isInstanceOf(RetriableException.class)
                    .hasMessage("batch batch_1 line rg-1: the results of batch batch_1 hold 2 different lines for"
                            + " it, so its request is asked again");
            // the same line twice is one answer
            assertThat(second.get(20, TimeUnit.SECONDS).aiMessage().text()).isEqualTo("two");
            assertThat(progress).anyMatch(p -> p.equals("railguard batch-api: batch batch_1 answered 1 line (rg-77)"
                    + " this run did not send; ignored"));
        }
    }

    @Test
    void a_job_file_that_cannot_be_written_leaves_no_request_waiting_forever(@TempDir Path dir) throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("out"), "a file where the output folder should be");
        try (StubOpenAiServer server = StubOpenAiServer.start(completedWith(answer("rg-1", "first")));
                BatchTransport t = transport(server, "sk-test-key-123456", notADirectory.resolve("batch-jobs.json"))) {
            CompletableFuture<ChatResponse> first = ask(t, "one");

            // the batch exists at the provider: the run still waits for it, it is only not resumable
            assertThat(first.get(20, TimeUnit.SECONDS).aiMessage().text()).isEqualTo("first");
            assertThat(progress).anyMatch(p -> p.startsWith("railguard batch-api: batch batch_1 could not be recorded"
                    + " in " + notADirectory.resolve("batch-jobs.json") + " ("));
        }
    }

    @Test
    void a_provider_error_that_echoes_a_key_of_no_known_shape_never_shows_it() throws Exception {
        String key = "gateway-key-" + System.nanoTime();
        try (StubOpenAiServer server = StubOpenAiServer.start(r -> new StubReply(401,
                "{\"error\":{\"message\":\"Incorrect API key provided: " + key + ".\"}}", Map.of(),
                Duration.ZERO));
                BatchTransport t = transport(server, key, null)) {
            Throwable error = failure(ask(t, "one"));

            assertThat(error.getMessage()).doesNotContain(key).contains("Incorrect API key provided: [REDACTED]");
            assertThat(progress).isNotEmpty().noneMatch(p -> p.contains(key));
        }
    }

    @Test
    void an_anthropic_results_url_at_another_host_never_gets_the_key() throws Exception {
        try (StubOpenAiServer elsewhere = StubOpenAiServer.start(r -> StubReply.garbage(""));
                StubOpenAiServer server = StubOpenAiServer.start(r -> switch (r.path()) {
                    case "/v1/messages/batches" -> StubReply.garbage("{\"id\":\"msgbatch_1\"}");
                    case "/v1/messages/batches/msgbatch_1" -> StubReply.garbage("{\"id\":\"msgbatch_1\","
                            + "\"processing_status\":\"ended\",\"results_url\":\"" + elsewhere.rootUrl()
                            + "/results\"}");
                    default -> StubReply.status(404);
                });
                BatchTransport t = BatchTransport.of(BatchApi.anthropic(server.rootUrl(), "sk-ant-test-key-123456")
                        .quietPeriod(Duration.ofMillis(50)).pollInterval(Duration.ofMillis(10), Duration.ofMillis(20))
                        .progress(progress::add).build())) {
            Throwable error = failure(ask(t, "one"));

            assertThat(elsewhere.requests()).isEmpty();
            assertThat(error).isInstanceOf(RetriableException.class).hasMessage("could not read batch msgbatch_1"
                    + " after 10 tries: IOException: the results_url of batch msgbatch_1, " + elsewhere.rootUrl()
                    + "/results, is not at " + server.rootUrl() + ", so the API key is not sent there");
        }
    }
}
