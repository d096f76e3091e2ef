package dev.railguard.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The state and the answers of the {@link StubBatchServer}: uploaded files, batches and their lines' outcomes, and
 * the settings that delay, hold, fail or rate-limit them. Requests reach it through the loopback server of
 * {@link ProviderStubServer}, as its responder. Thread-safe.
 */
final class StubBatchEndpoints implements Function<RecordedRequest, StubReply> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Function<RecordedRequest, StubReply> responder;
    private final Map<String, List<JsonNode>> files = new ConcurrentHashMap<>();
    private final Map<String, Batch> batches = new ConcurrentHashMap<>();
    private final List<Integer> batchSizes = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    final AtomicInteger lineRequests = new AtomicInteger();
    volatile String rootUrl = "";
    volatile int pollsUntilDone;
    volatile int holdFrom = Integer.MAX_VALUE;
    volatile int rateLimitedCreates;
    private int lostCreateReplies;
    private int rateLimitedPolls;
    private Duration pollRetryAfter = Duration.ZERO;
    volatile int cachedTokens;
    volatile int cacheWrittenTokens;
    volatile StubBatchServer.LineFaults faults = (batch, line) -> StubBatchServer.LineFault.NONE;

    private static final class Batch {
        final String id;
        final int number;
        final StubBatchLines.Api api;
        final List<JsonNode> lines;
        JsonNode metadata;
        int polls;
        Map<String, ObjectNode> results;

        Batch(String id, int number, StubBatchLines.Api api, List<JsonNode> lines) {
            this.id = id;
            this.number = number;
            this.api = api;
            this.lines = lines;
        }
    }

    StubBatchEndpoints(Function<RecordedRequest, StubReply> responder) {
        this.responder = responder;
    }

    /** The number of lines of each batch created, in order. */
    synchronized List<Integer> batchSizes() {
        return List.copyOf(batchSizes);
    }

    /** Answers one request; its path tells the provider and the call (every call has a path of its own). */
    @Override
    public StubReply apply(RecordedRequest r) {
        try {
            return answer(r.path(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private StubReply answer(String path, String body) throws IOException {
        ObjectNode reply;
        int status = 200;
        if (path.equals("/v1/files")) {
            String id = "file-" + ids.incrementAndGet();
            files.put(id, jsonLines(multipartFile(body)));
            reply = JSON.createObjectNode().put("id", id).put("object", "file").put("purpose", "batch");
        } else if (path.equals("/v1/batches") && body.isBlank()) {
            // a GET: OpenAI's list of batches, newest first, with their metadata
            ObjectNode list = JSON.createObjectNode().put("object", "list").put("has_more", false);
            list.putArray("data");
            batches.values().stream().filter(b -> b.api == StubBatchLines.Api.OPENAI)
                    .sorted((a, b) -> Integer.compare(b.number, a.number))
                    .forEach(b -> list.withArray("data").add(state(b)));
            reply = list;
        } else if (path.equals("/v1/batches") || path.equals("/v1/messages/batches")
                || path.startsWith("/v1beta/models/") && path.endsWith(":batchGenerateContent")) {
            StubBatchLines.Api api = path.equals("/v1/batches") ? StubBatchLines.Api.OPENAI
                    : path.startsWith("/v1beta/") ? StubBatchLines.Api.GEMINI : StubBatchLines.Api.ANTHROPIC;
            if (rateLimited()) {
                return new StubReply(429, JSON.createObjectNode().set("error", JSON.createObjectNode()
                        .put("message", "Rate limit reached for batch creation").put("type", "rate_limit"))
                        .toString(), Map.of("Content-Type", "application/json", "Retry-After", "0"), Duration.ZERO);
            }
            JsonNode request = JSON.readTree(body);
            List<JsonNode> lines = new ArrayList<>();
            switch (api) {
                case ANTHROPIC -> request.path("requests").forEach(lines::add);
                case GEMINI -> request.path("batch").path("inputConfig").path("requests").path("requests")
                        .forEach(lines::add);
                default -> lines.addAll(files.getOrDefault(request.path("input_file_id").asText(), List.of()));
            }
            Batch b;
            synchronized (this) {
                batchSizes.add(lines.size());
                b = new Batch(api.idPrefix() + ids.incrementAndGet(), batchSizes.size(), api, lines);
            }
            b.metadata = request.path("metadata");
            batches.put(b.id, b);
            if (createReplyLost()) {
                return json(500, "{\"error\":{\"message\":\"The server had an error while processing your"
                        + " request.\",\"type\":\"server_error\"}}");
            }
            reply = state(b);
        } else if (path.endsWith("/results")) {
            Batch b = batches.get(path.split("/")[4]);
            return json(200, b.results.values().stream().map(ObjectNode::toString)
                    .reduce("", (a, l) -> a + l + "\n"));
        } else if (path.startsWith("/v1/files/") && path.endsWith("/content")) {
            String file = path.split("/")[3];
            Batch b = batches.get(file.substring(file.indexOf('-') + 1));
            boolean errors = file.startsWith("err-");
            StringBuilder out = new StringBuilder();
            b.results.values().stream().filter(r -> errors == !r.path("error").isNull())
                    .forEach(r -> out.append(r).append('\n'));
            return json(200, out.toString());
        } else if (path.startsWith("/v1/batches/") || path.startsWith("/v1/messages/batches/")
                || path.startsWith("/v1beta/batches/")) {
            Batch b = batches.get(path.substring(path.lastIndexOf('/') + 1));
            Duration retryAfter = pollRateLimited();
            if (retryAfter != null) {
                return new StubReply(429, JSON.createObjectNode().set("error", JSON.createObjectNode()
                        .put("message", "Too many requests").put("type", "rate_limit")).toString(),
                        Map.of("Content-Type", "application/json", "Retry-After",
                                StubReply.retryAfterSeconds(retryAfter)), Duration.ZERO);
            }
            if (b == null) {
                status = 404;
                reply = JSON.createObjectNode().set("error", JSON.createObjectNode()
                        .put("message", "no such batch"));
            } else {
                synchronized (b) {
                    b.polls++;
                }
                reply = state(b);
            }
        } else {
            status = 404;
            reply = JSON.createObjectNode().set("error", JSON.createObjectNode().put("message", "unknown " + path));
        }
        return json(status, reply.toString());
    }


    /** The next {@code n} batch creations make their batch but answer 500, as a gateway that lost the reply. */
    synchronized void loseCreateReplies(int n) {
        lostCreateReplies = n;
    }

    private synchronized boolean createReplyLost() {
        if (lostCreateReplies > 0) {
            lostCreateReplies--;
            return true;
        }
        return false;
    }

    /** The next {@code n} retrievals of a batch answer 429 with {@code retryAfter} (in whole seconds). */
    synchronized void rateLimitPolls(int n, Duration retryAfter) {
        rateLimitedPolls = n;
        pollRetryAfter = retryAfter;
    }

    /** The delay a rate-limited retrieval asks for, or null when this one is answered. */
    private synchronized Duration pollRateLimited() {
        if (rateLimitedPolls > 0) {
            rateLimitedPolls--;
            return pollRetryAfter;
        }
        return null;
    }

    private synchronized boolean rateLimited() {
        if (rateLimitedCreates > 0) {
            rateLimitedCreates--;
            return true;
        }
        return false;
    }

    /** The batch as its provider reports it; answers its lines once, when it completes. */
    private ObjectNode state(Batch b) {
        synchronized (b) {
            boolean done = b.number < holdFrom && b.polls >= pollsUntilDone;
            if (done && b.results == null) {
                b.results = new LinkedHashMap<>();
                for (int i = 0; i < b.lines.size(); i++) {
                    JsonNode line = b.lines.get(i);
                    b.results.put(b.api.customId(line),
                            StubBatchLines.answer(line, b.api, faults.fault(b.number, i), responder,
                                    lineRequests, cachedTokens, cacheWrittenTokens));
                }
            }
            int failed = done ? (int) b.results.values().stream().filter(StubBatchLines::failed).count() : 0;
            boolean allExpired = done && failed == b.lines.size() && b.results.values().stream()
                    .allMatch(StubBatchLines::expired) && !b.lines.isEmpty();
            if (b.api == StubBatchLines.Api.GEMINI) {
                return StubGeminiBatches.operation(b.id, b.lines.size(), done, failed, allExpired, b.results);
            }
            if (b.api == StubBatchLines.Api.ANTHROPIC) {
                ObjectNode n = JSON.createObjectNode().put("id", b.id).put("type", "message_batch")
                        .put("processing_status", done ? "ended" : "in_progress");
                n.putObject("request_counts").put("processing", done ? 0 : b.lines.size())
                        .put("succeeded", done ? b.lines.size() - failed : 0).put("errored", failed)
                        .put("canceled", 0).put("expired", 0);
                if (done) {
                    n.put("results_url", rootUrl + "/v1/messages/batches/" + b.id + "/results");
                } else {
                    n.putNull("results_url");
                }
                return n;
            }
            ObjectNode n = JSON.createObjectNode().put("id", b.id).put("object", "batch")
                    .put("endpoint", "/v1/chat/completions")
                    .put("status", !done ? "in_progress" : allExpired ? "expired" : "completed");
            n.putObject("request_counts").put("total", b.lines.size())
                    .put("completed", done ? b.lines.size() - failed : 0).put("failed", failed);
            n.put("output_file_id", done && failed < b.lines.size() ? "out-" + b.id : null);
            n.put("error_file_id", done && failed > 0 ? "err-" + b.id : null);
            if (b.metadata != null && b.metadata.isObject()) {
                n.set("metadata", b.metadata);
            }
            return n;
        }
    }

    private static String multipartFile(String form) {
        int header = form.indexOf("filename=");
        int start = form.indexOf("\r\n\r\n", header) + 4;
        int end = form.lastIndexOf("\r\n--");
        return header < 0 || start < 4 || end < start ? "" : form.substring(start, end);
    }

    private static List<JsonNode> jsonLines(String text) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                out.add(JSON.readTree(line));
            }
        }
        return out;
    }

    private static StubReply json(int status, String body) {
        return new StubReply(status, body, Map.of("Content-Type", "application/json"), Duration.ZERO);
    }
}
