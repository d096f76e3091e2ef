package dev.railguard.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * An OpenAI-compatible chat-completions server on 127.0.0.1 and a free port, answering from a script. Point
 * {@code OpenAiChatModel.builder().baseUrl(server.baseUrl())} at it to exercise the real client.
 *
 * <pre>{@code
 * try (StubOpenAiServer server = StubOpenAiServer.start(req -> StubReply.content("{\"units\":[]}"))) {
 *     ChatModel model = OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("test").modelName("m").build();
 *     ...
 *     assertThat(server.requests()).hasSize(1);
 * }
 * }</pre>
 *
 * <p>Every request is recorded. The responder runs on the server's own threads, so it may sleep (latency) and must
 * be thread-safe. The server binds only to the loopback address.
 */
public final class StubOpenAiServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm and the client's
        // delayed ACK add up to 40 ms to every reply. Read once, when the first JDK HTTP server starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<RecordedRequest> requests = new ArrayList<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private volatile Function<RecordedRequest, StubReply> responder;

    private StubOpenAiServer(Function<RecordedRequest, StubReply> responder) throws IOException {
        this.responder = Objects.requireNonNull(responder, "responder must not be null");
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        AtomicInteger threads = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "stub-openai-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.executor = Executors.newCachedThreadPool(factory);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Starts a server that answers every request with what {@code responder} returns for it.
     *
     * @throws IllegalStateException if no loopback port can be bound
     */
    public static StubOpenAiServer start(Function<RecordedRequest, StubReply> responder) {
        try {
            return new StubOpenAiServer(responder);
        } catch (IOException e) {
            throw new IllegalStateException("could not bind the stub server to 127.0.0.1", e);
        }
    }

    /** The base URL for an OpenAI client, {@code http://127.0.0.1:PORT/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** The server's root, {@code http://127.0.0.1:PORT}, for clients of other wire formats. */
    public String rootUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Replaces the responder for requests that arrive from now on. */
    public void respondWith(Function<RecordedRequest, StubReply> responder) {
        this.responder = Objects.requireNonNull(responder, "responder must not be null");
    }

    /** A snapshot of the requests received so far, in order of arrival. */
    public List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** How many requests arrived. */
    public int requestCount() {
        return sequence.get();
    }

    /** Forgets the recorded requests. */
    public void clear() {
        synchronized (requests) {
            requests.clear();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.isEmpty() ? "" : v.get(0)));
            JsonNode json;
            try {
                json = JSON.readTree(body);
                if (json == null) {
                    json = MissingNode.getInstance();
                }
            } catch (IOException e) {
                json = MissingNode.getInstance();
            }
            RecordedRequest recorded = new RecordedRequest(sequence.getAndIncrement(),
                    exchange.getRequestURI().getPath(), headers, body, json);
            synchronized (requests) {
                requests.add(recorded);
            }
            StubReply reply;
            try {
                reply = responder.apply(recorded);
            } catch (RuntimeException e) {
                reply = StubReply.status(500).withHeader("X-Stub-Error", String.valueOf(e.getMessage()));
            }
            if (!reply.delay().isZero()) {
                try {
                    Thread.sleep(reply.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            try {
                exchange.sendResponseHeaders(reply.status(), out.length == 0 ? -1 : out.length);
                if (out.length > 0) {
                    try (OutputStream os = exchange.getResponseBody()) {
                        os.write(out);
                    }
                }
            } catch (IOException clientGone) {
                // The client timed out and closed the connection; nothing to answer.
            }
        }
    }

    /** Stops the server at once and its threads. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
