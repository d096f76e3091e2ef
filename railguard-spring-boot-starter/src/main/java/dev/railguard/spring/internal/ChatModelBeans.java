package dev.railguard.spring.internal;

import dev.langchain4j.model.chat.ChatModel;
import dev.railguard.spring.SpringAiChatModel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * The application's chat models as LangChain4j {@link ChatModel}s: LangChain4j {@code ChatModel} beans as they are,
 * Spring AI {@code ChatModel} beans (when Spring AI is on the class path) through {@link SpringAiChatModel}. One bean
 * per context: each Spring AI model gets one adapter, so a model that judges and generates is seen as the same model
 * (the workflow's judge-as-generator check compares identities).
 */
public final class ChatModelBeans {

    private static final String SPRING_AI_CHAT_MODEL = "org.springframework.ai.chat.model.ChatModel";

    private final ListableBeanFactory beans;
    private final Map<String, SpringAiChatModel> adapted = new ConcurrentHashMap<>();

    public ChatModelBeans(ListableBeanFactory beans) {
        this.beans = beans;
    }

    /** Every chat model bean by bean name, LangChain4j ones first. */
    public Map<String, ChatModel> all() {
        Map<String, ChatModel> all = new LinkedHashMap<>(beans.getBeansOfType(ChatModel.class, false, true));
        if (springAiPresent()) {
            springAi().forEach(all::putIfAbsent);
        }
        return all;
    }

    /** The chat model bean named {@code name}, or a property failure naming the chat model beans there are. */
    public ChatModel named(String property, String name) {
        ChatModel model = all().get(name);
        if (model == null) {
            throw PropertyChecks.invalid(property, name, "is not a ChatModel bean (LangChain4j or Spring AI); ChatModel"
                    + " beans: " + all().keySet());
        }
        return model;
    }

    /** The application's only chat model: the only LangChain4j one, else the only Spring AI one; else empty. */
    public Optional<Map.Entry<String, ChatModel>> only() {
        Map<String, ChatModel> lc4j = beans.getBeansOfType(ChatModel.class, false, true);
        if (lc4j.size() == 1) {
            return Optional.of(lc4j.entrySet().iterator().next());
        }
        if (lc4j.isEmpty() && springAiPresent()) {
            Map<String, SpringAiChatModel> spring = springAi();
            if (spring.size() == 1) {
                Map.Entry<String, SpringAiChatModel> only = spring.entrySet().iterator().next();
                return Optional.of(Map.entry(only.getKey(), only.getValue()));
            }
        }
        return Optional.empty();
    }

    private Map<String, SpringAiChatModel> springAi() {
        Map<String, SpringAiChatModel> out = new LinkedHashMap<>();
        SpringAiModels.names(beans).forEach(name -> out.put(name,
                adapted.computeIfAbsent(name, n -> SpringAiModels.adapt(beans, n))));
        return out;
    }

    private static boolean springAiPresent() {
        return ClassUtils.isPresent(SPRING_AI_CHAT_MODEL, ChatModelBeans.class.getClassLoader());
    }
}
