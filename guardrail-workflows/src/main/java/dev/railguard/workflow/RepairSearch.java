package dev.railguard.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import dev.railguard.engine.DocumentHit;
import dev.railguard.engine.DocumentStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * FIXIT's generator searching the workflow's files while it repairs an output (DeepRails: "models can search these
 * files when performing evaluations or remediations"): the repair request carries a {@code file_search} tool over the
 * workflow's file ids; each search the generator asks for is answered from the documents, up to
 * {@value #MAX_ROUND_TRIPS} round trips, and the last request goes without the tool so the generator must answer.
 */
final class RepairSearch {

    /** The most search round trips of one repair. */
    static final int MAX_ROUND_TRIPS = 3;
    static final String TOOL = "file_search";
    private static final int PASSAGES = 3;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ToolSpecification FILE_SEARCH = ToolSpecification.builder().name(TOOL)
            .description("Search the files attached to this workflow (policies, reference material). Returns the"
                    + " best matching passages with their file ids.")
            .parameters(JsonObjectSchema.builder().addStringProperty("query", "what to look for")
                    .required("query").build())
            .build();

    private RepairSearch() {}

    /**
     * The generator's answer to {@code request}; with files to search, the generator may call {@code file_search}
     * over them first. The token usage of every round trip is summed into the response.
     */
    static ChatResponse chat(ChatModel generator, ChatRequest request, DocumentStore documents, List<String> fileIds) {
        if (documents == null || fileIds.isEmpty()) {
            return generator.chat(request);
        }
        Set<String> only = Set.copyOf(fileIds);
        List<ChatMessage> messages = new ArrayList<>(request.messages());
        TokenUsage usage = null;
        for (int round = 0; ; round++) {
            boolean tools = round < MAX_ROUND_TRIPS;
            ChatRequest.Builder next = ChatRequest.builder().messages(messages);
            if (tools) {
                next.toolSpecifications(FILE_SEARCH);
            }
            ChatResponse response = generator.chat(next.build());
            usage = TokenUsage.sum(usage, response.tokenUsage());
            AiMessage ai = response.aiMessage();
            if (!tools || ai == null || !ai.hasToolExecutionRequests()) {
                return ChatResponse.builder().aiMessage(ai).tokenUsage(usage).finishReason(response.finishReason())
                        .build();
            }
            messages.add(ai);
            for (ToolExecutionRequest call : ai.toolExecutionRequests()) {
                messages.add(ToolExecutionResultMessage.from(call, answer(call, documents, only)));
            }
        }
    }

    private static String answer(ToolExecutionRequest call, DocumentStore documents, Set<String> only) {
        if (!TOOL.equals(call.name())) {
            return "Unknown tool '" + call.name() + "'; the only tool is " + TOOL + ".";
        }
        String query;
        try {
            JsonNode args = JSON.readTree(call.arguments() == null ? "{}" : call.arguments());
            query = args.path("query").asText("");
        } catch (IOException e) {
            return "The arguments were not JSON: give {\"query\": \"...\"}.";
        }
        List<DocumentHit> hits = documents.search(query, PASSAGES, only);
        if (hits.isEmpty()) {
            return "No matching passage.";
        }
        return hits.stream().map(h -> "[" + h.documentId() + " " + h.name() + "] " + h.passage())
                .collect(Collectors.joining("\n\n"));
    }
}
