package dev.railguard.testkit;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A {@link ChatModel} that answers in-process from a script, for unit tests. It records every request.
 *
 * <pre>{@code
 * ScriptedChatModel judge = ScriptedChatModel.replying("{\"units\":[]}", "{\"units\":[]}");
 * ScriptedChatModel echo = ScriptedChatModel.answering(request -> "{\"units\":[]}");
 * }</pre>
 *
 * <p>Token usage is reported as one token per four characters of the request and the reply. Thread-safe.
 */
public final class ScriptedChatModel implements ChatModel {

    private final Function<ChatRequest, ChatResponse> script;
    private final List<ChatRequest> requests = new ArrayList<>();

    private ScriptedChatModel(Function<ChatRequest, ChatResponse> script) {
        this.script = Objects.requireNonNull(script, "script must not be null");
    }

    /**
     * A model that returns {@code replies} in order, one per call, and fails the call after the last one with a
     * message saying how many were scripted.
     */
    public static ScriptedChatModel replying(String... replies) {
        Deque<String> queue = new ArrayDeque<>(List.of(replies));
        int scripted = replies.length;
        return answering(request -> {
            synchronized (queue) {
                if (queue.isEmpty()) {
                    throw new IllegalStateException("ScriptedChatModel ran out of replies: " + scripted
                            + " were scripted and all were used");
                }
                return queue.removeFirst();
            }
        });
    }

    /** A model whose reply text is computed from the request. */
    public static ScriptedChatModel answering(Function<ChatRequest, String> replyText) {
        Objects.requireNonNull(replyText, "replyText must not be null");
        return new ScriptedChatModel(request -> {
            String text = replyText.apply(request);
            return ChatResponse.builder()
                    .aiMessage(AiMessage.from(text))
                    .finishReason(FinishReason.STOP)
                    .tokenUsage(new TokenUsage(estimateTokens(request), Math.max(1, text.length() / 4)))
                    .build();
        });
    }

    /** A model that returns whatever response {@code responses} computes, for finish reasons and usage of your choice. */
    public static ScriptedChatModel responding(Function<ChatRequest, ChatResponse> responses) {
        return new ScriptedChatModel(responses);
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        synchronized (requests) {
            requests.add(request);
        }
        return script.apply(request);
    }

    /** A snapshot of the requests received so far. */
    public List<ChatRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** How many requests were received. */
    public int callCount() {
        synchronized (requests) {
            return requests.size();
        }
    }

    /** The text of all user messages of {@code request}, joined by newlines. */
    public static String userText(ChatRequest request) {
        return text(request, UserMessage.class);
    }

    /** The text of all system messages of {@code request}, joined by newlines. */
    public static String systemText(ChatRequest request) {
        return text(request, SystemMessage.class);
    }

    private static String text(ChatRequest request, Class<? extends ChatMessage> type) {
        List<String> parts = new ArrayList<>();
        for (ChatMessage m : request.messages()) {
            if (m instanceof UserMessage u && type == UserMessage.class) {
                parts.add(u.singleText());
            } else if (m instanceof SystemMessage s && type == SystemMessage.class) {
                parts.add(s.text());
            }
        }
        return String.join("\n", parts);
    }

    private static int estimateTokens(ChatRequest request) {
        int chars = 0;
        for (ChatMessage m : request.messages()) {
            if (m instanceof UserMessage u && u.hasSingleText()) {
                chars += u.singleText().length();
            } else if (m instanceof SystemMessage s) {
                chars += s.text().length();
            }
        }
        return Math.max(1, chars / 4);
    }
}
