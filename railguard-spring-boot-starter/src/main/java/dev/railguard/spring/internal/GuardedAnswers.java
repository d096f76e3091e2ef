package dev.railguard.spring.internal;

import dev.railguard.api.ModelInput;
import dev.railguard.api.RunMode;
import dev.railguard.event.EventInput;
import java.util.List;
import java.util.Map;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.MessageType;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;

/** What the guard advisor reads from a Spring AI exchange and writes back into it. */
public final class GuardedAnswers {

    private GuardedAnswers() {}

    /**
     * The workflow event for an exchange: the prompt's system text and last user message, the answer's text (the
     * responses' texts joined, for a gathered stream) and the model that answered.
     *
     * @throws IllegalArgumentException when the prompt has neither system nor user text, or the model gave no text
     */
    public static EventInput input(Prompt prompt, List<ChatClientResponse> responses, RunMode runMode) {
        String system = null;
        String user = null;
        for (Message m : prompt.getInstructions()) {
            if (m.getMessageType() == MessageType.SYSTEM) {
                system = m.getText();
            } else if (m.getMessageType() == MessageType.USER) {
                user = m.getText();
            }
        }
        if (isBlank(system) && isBlank(user)) {
            throw new IllegalArgumentException("the prompt has no system or user text to judge the answer against");
        }
        StringBuilder output = new StringBuilder();
        String model = null;
        boolean any = false;
        for (ChatClientResponse r : responses) {
            ChatResponse chat = r == null ? null : r.chatResponse();
            if (chat == null) {
                continue;
            }
            if (chat.getResult() != null && chat.getResult().getOutput() != null && chat.getResult().getOutput().getText() != null) {
                output.append(chat.getResult().getOutput().getText());
                any = true;
            }
            if (chat.getMetadata() != null && !isBlank(chat.getMetadata().getModel())) {
                model = chat.getMetadata().getModel();
            }
        }
        if (!any) {
            throw new IllegalArgumentException("the model returned no text to judge");
        }
        ModelInput input = ModelInput.builder().systemPrompt(isBlank(system) ? null : system)
                .userPrompt(isBlank(user) ? null : user).build();
        return EventInput.of(input, output.toString()).withModelUsed(model).withRunMode(runMode);
    }

    /** {@code response} with its answer's text replaced by {@code text}; metadata and context kept. */
    public static ChatClientResponse replaceText(ChatClientResponse response, String text) {
        ChatResponse chat = response.chatResponse();
        ChatResponse replaced = ChatResponse.builder().from(chat)
                .generations(List.of(new Generation(new AssistantMessage(text), chat.getResult().getMetadata())))
                .build();
        return response.mutate().chatResponse(replaced).build();
    }

    /** One streamed chunk of the workflow's final text, with the context of the model's last streamed response. */
    public static ChatClientResponse chunk(ChatClientResponse last, String text) {
        ChatResponse chat = new ChatResponse(List.of(new Generation(new AssistantMessage(text))));
        Map<String, Object> context = last == null ? Map.of() : last.context();
        return ChatClientResponse.builder().chatResponse(chat).context(context).build();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
