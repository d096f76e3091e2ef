package dev.railguard.engine.internal.judge;

import dev.railguard.engine.internal.call.JudgeCall;
import dev.railguard.engine.internal.search.ToolBox;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.railguard.api.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The tool round trips of one judge call: while the judge asks for searches and the call's budget lasts, run them and
 * send the results back; then the judge must answer. Every round trip is one {@link JudgeClient#sendAsync}, so it is
 * admitted under the engine's limits and retried like any other request; nothing blocks a pool thread waiting for
 * another. The returned {@link JudgeClient.Sent} carries the usage of every round trip and the whole conversation.
 */
final class ToolLoop {

    private ToolLoop() {}

    /** Sends {@code messages}, running tool round trips when the call carries tools. */
    public static CompletableFuture<JudgeClient.Sent> sendAsync(JudgeClient client, JudgeCall call, List<ChatMessage> messages) {
        if (call.tools().isEmpty()) {
            return client.sendAsync(call, messages);
        }
        return round(client, call, new ArrayList<>(messages), 0, Usage.NONE);
    }

    private static CompletableFuture<JudgeClient.Sent> round(JudgeClient client, JudgeCall call,
            List<ChatMessage> messages, int round, Usage before) {
        ToolBox box = call.tools();
        boolean last = round >= box.maxRoundTrips();
        if (last && round > 0) {
            messages.add(UserMessage.from("You have used all " + box.maxRoundTrips() + " search round trips."
                    + " Do not call a tool again; reply now with only the JSON object."));
        }
        return client.sendAsync(last ? call.withoutTools() : call, List.copyOf(messages)).thenCompose(sent -> {
            Usage usage = before.plus(sent.usage());
            AiMessage ai = sent.response().aiMessage();
            if (last || ai == null || !ai.hasToolExecutionRequests()) {
                return CompletableFuture.completedFuture(new JudgeClient.Sent(sent.response(), usage,
                        sent.conversation()));
            }
            messages.add(ai);
            for (ToolExecutionRequest request : ai.toolExecutionRequests()) {
                messages.add(ToolExecutionResultMessage.from(request, box.execute(call.judge().name(), request)));
            }
            return round(client, call, messages, round + 1, usage);
        });
    }
}
