package dev.railguard.evals;

import java.util.List;

/** What a subject answered: its text and the tool calls it executed (empty for a plain function). */
record AgentReply(String content, List<ToolCall> toolCalls) {

    AgentReply {
        toolCalls = List.copyOf(toolCalls);
    }
}
