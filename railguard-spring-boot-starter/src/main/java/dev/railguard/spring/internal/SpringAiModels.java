package dev.railguard.spring.internal;

import dev.railguard.spring.SpringAiChatModel;
import java.util.List;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.beans.factory.ListableBeanFactory;

/** The Spring AI chat model beans; only loaded when Spring AI is on the class path. */
final class SpringAiModels {

    private SpringAiModels() {}

    static List<String> names(ListableBeanFactory beans) {
        return List.of(beans.getBeanNamesForType(ChatModel.class, false, true));
    }

    static SpringAiChatModel adapt(ListableBeanFactory beans, String name) {
        return SpringAiChatModel.of(beans.getBean(name, ChatModel.class));
    }
}
