package dev.railguard.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.function.Function;

/**
 * What the stubs of other providers' wire formats ({@link StubAnthropicServer}, {@link StubGeminiServer}) and of the
 * providers' batch endpoints ({@link StubBatchServer}) share: the loopback HTTP server of {@link StubOpenAiServer}
 * (127.0.0.1, a free port, every request recorded, the responder on the server's threads), its requests and its
 * closing. Each stub adds its base URL and the factories of its provider's reply shapes; only this package's stubs
 * extend it.
 */
public abstract class ProviderStubServer implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    private final StubOpenAiServer http;

    ProviderStubServer(Function<RecordedRequest, StubReply> responder) {
        this.http = StubOpenAiServer.start(responder);
    }

    /** The server's root, {@code http://127.0.0.1:PORT}. */
    final String rootUrl() {
        return http.rootUrl();
    }

    /** The requests received so far, in order of arrival. */
    public final List<RecordedRequest> requests() {
        return http.requests();
    }

    /** Stops the server. */
    @Override
    public final void close() {
        http.close();
    }
}
