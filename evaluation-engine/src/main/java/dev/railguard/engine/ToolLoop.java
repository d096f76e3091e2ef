package dev.railguard.engine;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import dev.railguard.api.Usage;
import java.time.Duration;
import java.util.List;

/**
 * The tool round trips of one judge call: while the judge asks for searches and the call's budget lasts, run them and
 * send the results back; then the judge must answer. Every round trip goes through {@link JudgeClient#send}, the
 * one place the engine talks to a model. The usage of intermediate round trips is kept in the call's
 * {@link ToolBox}; the last response is returned to the caller as if it were the only one.
 */
final class ToolLoop {

    private ToolLoop() {}

    /** Sends {@code messages}, running tool round trips when the call carries tools; appends to {@code messages}. */
    static ChatResponse send(JudgeClient client, JudgeCall call, List<ChatMessage> messages) {
        ToolBox box = call.tools();
        if (box.isEmpty()) {
            return client.send(call, messages);
        }
        String judge = call.judge().name();
        for (int round = 0; ; round++) {
            boolean last = round >= box.maxRoundTrips();
            if (last && round > 0) {
                messages.add(UserMessage.from("You have used all " + box.maxRoundTrips() + " search round trips."
                        + " Do not call a tool again; reply now with only the JSON object."));
            }
            ChatResponse response = client.send(last ? call.withoutTools() : call, messages);
            AiMessage ai = response.aiMessage();
            if (last || ai == null || !ai.hasToolExecutionRequests()) {
                return response;
            }
            // the caller times the whole loop, so intermediate round trips add tokens and a call, not time
            box.addUsage(usageOf(judge, response, Duration.ZERO));
            messages.add(ai);
            for (ToolExecutionRequest request : ai.toolExecutionRequests()) {
                messages.add(ToolExecutionResultMessage.from(request, box.execute(judge, request)));
            }
        }
    }

    private static Usage usageOf(String judge, ChatResponse response, Duration latency) {
        TokenUsage tokens = response.tokenUsage();
        long in = tokens == null || tokens.inputTokenCount() == null ? 0 : tokens.inputTokenCount();
        long out = tokens == null || tokens.outputTokenCount() == null ? 0 : tokens.outputTokenCount();
        return Usage.ofCall(judge, in, out, latency, 0.0);
    }
}
