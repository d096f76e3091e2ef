package dev.railguard.engine.batchapi.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One provider's batch endpoints and wire format. Implementations are thread-safe; they never log the API key. */
public interface BatchService {

    /** The provider's name, as the job file records it. */
    String name();

    /** The request body of {@code request} to {@code model}, as one batch line carries it. */
    ObjectNode body(String model, ChatRequest request);

    /** One batch line: {@code body} under {@code customId}. */
    String line(String customId, ObjectNode body);

    /**
     * Submits {@code lines}, all to {@code model}, as one batch job, tagged with {@code tag} where the provider keeps
     * tags (OpenAI's {@code metadata}), so that {@link #adopt} finds it.
     *
     * @return the provider's batch id
     * @throws BatchHttpException on an error reply (a 429 carries the delay the provider asked for)
     */
    String submit(String model, List<String> lines, Map<String, String> tag) throws IOException;

    /**
     * The batch that a {@link #submit} tagged {@code tag} made although its reply was lost (a timeout, a 5xx after
     * the provider made it), if the provider can tell; empty when it cannot (it keeps no tags).
     */
    default Optional<String> adopt(Map<String, String> tag) throws IOException {
        return Optional.empty();
    }

    /** The state of batch {@code id}. */
    Status status(String id) throws IOException;

    /**
     * The outcome of every line of the ended batch {@code id}, by custom id; lines without one are absent, and a
     * results line that could not be read is counted, never a reason to fail the batch.
     */
    Results results(String id) throws IOException;

    /**
     * The results of an ended batch.
     *
     * @param lines      the outcome of each line read, by custom id
     * @param unreadable how many results lines could not be read (not JSON, no custom id): their requests are missing
     */
    record Results(Map<String, LineResult> lines, int unreadable) {

        /** Why a line is not among {@link #lines}, for the line's failure. */
        public String missing(String batchId) {
            return "the line is missing from the results of batch " + batchId + (unreadable == 0 ? ""
                    : " (" + unreadable + " of its results lines " + (unreadable == 1 ? "was" : "were")
                    + " not readable: a partial download?)");
        }

        /** The custom ids answered that are not among {@code sent}, as a progress line names them, if any. */
        public Optional<String> foreign(Set<String> sent) {
            List<String> ids = lines.keySet().stream().filter(id -> !sent.contains(id)).sorted().toList();
            if (ids.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(ids.size() + " line" + (ids.size() == 1 ? "" : "s") + " ("
                    + String.join(", ", ids.subList(0, Math.min(5, ids.size()))) + (ids.size() > 5 ? ", ..." : "")
                    + ")");
        }
    }

    /**
     * A batch's state.
     *
     * @param state     the provider's word for it
     * @param ended     whether no line will change any more (completed, expired, failed, canceled)
     * @param total     lines in the batch
     * @param succeeded lines answered
     * @param failed    lines failed or expired
     * @param problem   why the whole batch ended without answers (failed validation, expired, canceled), or null
     */
    record Status(String state, boolean ended, int total, int succeeded, int failed, String problem) {}

    /**
     * One line's outcome: a response, or the provider's reason it has none.
     *
     * @param response  the reply, or null
     * @param error     why there is none, or null
     * @param retriable whether sending the line again could help (expired, 429, 5xx), not for a refused request
     */
    record LineResult(ChatResponse response, String error, boolean retriable) {
        public static LineResult ok(ChatResponse response) {
            return new LineResult(response, null, false);
        }

        public static LineResult failed(String error, boolean retriable) {
            return new LineResult(null, error, retriable);
        }
    }
}
