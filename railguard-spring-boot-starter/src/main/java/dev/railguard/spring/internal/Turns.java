package dev.railguard.spring.internal;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The texts of a LangChain4j conversation, by role: what a Spring AI model is sent. Kept apart from
 * {@link SpringAiMessages} because LangChain4j and Spring AI name their message types alike.
 */
final class Turns {

    enum Role { SYSTEM, USER, ASSISTANT }

    record Turn(Role role, String text) {
    }

    private Turns() {}

    static List<Turn> of(List<ChatMessage> messages) {
        List<Turn> turns = new ArrayList<>(messages.size());
        for (ChatMessage m : messages) {
            turns.add(turn(m));
        }
        return turns;
    }

    private static Turn turn(ChatMessage m) {
        if (m instanceof SystemMessage s) {
            return new Turn(Role.SYSTEM, s.text());
        }
        if (m instanceof UserMessage u) {
            if (!u.hasSingleText()) {
                throw new IllegalArgumentException("a Spring AI model takes text messages only, but a user message had "
                        + u.contents().size() + " parts");
            }
            return new Turn(Role.USER, u.singleText());
        }
        if (m instanceof AiMessage a) {
            return new Turn(Role.ASSISTANT, a.text() == null ? "" : a.text());
        }
        throw new IllegalArgumentException("a Spring AI model takes system, user and AI messages, but got a "
                + m.type().name().toLowerCase(Locale.ROOT) + " message");
    }
}
