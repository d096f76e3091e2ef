package dev.railguard.spring;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatGenerationMetadata;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.StructuredOutputChatOptions;
import reactor.core.publisher.Flux;

/** A Spring AI chat model in memory: answers by a function of the prompt, reports usage 11 in / 7 out, records prompts. */
final class FakeSpringAiModel implements ChatModel {

    final List<Prompt> prompts = new CopyOnWriteArrayList<>();
    private final String model;
    private final boolean structured;
    private final Function<Prompt, String> answer;

    FakeSpringAiModel(String model, boolean structured, Function<Prompt, String> answer) {
        this.model = model;
        this.structured = structured;
        this.answer = answer;
    }

    @Override
    public ChatResponse call(Prompt prompt) {
        prompts.add(prompt);
        return response(answer.apply(prompt));
    }

    @Override
    public Flux<ChatResponse> stream(Prompt prompt) {
        prompts.add(prompt);
        String text = answer.apply(prompt);
        int half = text.length() / 2;
        return Flux.just(response(text.substring(0, half)), response(text.substring(half)));
    }

    private ChatResponse response(String text) {
        return new ChatResponse(List.of(new Generation(new AssistantMessage(text),
                ChatGenerationMetadata.builder().finishReason("STOP").build())),
                ChatResponseMetadata.builder().model(model).id("resp-1").usage(new DefaultUsage(11, 7)).build());
    }

    @Override
    public ChatOptions getDefaultOptions() {
        return structured ? StructuredOutputChatOptions.builder().model(model).build()
                : ChatOptions.builder().model(model).build();
    }

    static String userText(Prompt prompt) {
        return prompt.getUserMessages().stream().map(m -> m.getText()).reduce("", (a, b) -> a + b);
    }
}
