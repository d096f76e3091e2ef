import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A local OpenAI-compatible judge for the start-up measurement: every chat completion is one Y unit. Run as a
 * single-file program: {@code java JudgeStub.java PORT}.
 */
public class JudgeStub {
    public static void main(String[] args) throws Exception {
        String units = "{\\\"units\\\":[{\\\"text\\\":\\\"Paris is the capital of France.\\\",\\\"label\\\":\\\"\\\","
                + "\\\"verdict\\\":\\\"Y\\\",\\\"confidence\\\":\\\"high\\\",\\\"reason\\\":\\\"ok\\\"}]}";
        byte[] body = ("{\"id\":\"c\",\"object\":\"chat.completion\",\"created\":0,\"model\":\"m\",\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":\"" + units + "\"},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5,\"total_tokens\":15}}")
                .getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                Integer.parseInt(args[0])), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }
}
