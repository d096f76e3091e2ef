package dev.railguard.engine.internal.search;

import dev.railguard.engine.EvaluationFailures;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.railguard.api.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The tools one judge call may use (web search, file search), with a bound on the tool round trips and a log of what
 * the judge looked up. One box per call: its log belongs to that call.
 */
public final class ToolBox {

    /** Reads a tool call's JSON arguments; search keeps its own reader so it needs nothing of judge traffic. */
    private static final ObjectMapper ARGUMENTS = new ObjectMapper();

    /** No tools. */
    public static final ToolBox NONE = new ToolBox(List.of(), 0);

    /** A tool that takes one search query. */
    public record SearchTool(String name, String description, Function<String, Lookup> search) {}

    /**
     * What a search returned.
     *
     * @param text what the judge reads
     * @param log  one line for the metric's diagnostics: the query and the titles, URLs or document ids found
     */
    public record Lookup(String text, String log) {}

    private final List<SearchTool> tools;
    private final int maxRoundTrips;
    private final List<Diagnostic> log = new ArrayList<>();

    public ToolBox(List<SearchTool> tools, int maxRoundTrips) {
        this.tools = List.copyOf(tools);
        this.maxRoundTrips = maxRoundTrips;
    }

    /** An empty box with the same tools, for another call. */
    public ToolBox fresh() {
        return isEmpty() ? NONE : new ToolBox(tools, maxRoundTrips);
    }

    public boolean isEmpty() {
        return tools.isEmpty();
    }

    public int maxRoundTrips() {
        return maxRoundTrips;
    }

    public List<String> names() {
        return tools.stream().map(SearchTool::name).toList();
    }

    public List<ToolSpecification> specifications() {
        return tools.stream().map(t -> ToolSpecification.builder().name(t.name()).description(t.description())
                .parameters(JsonObjectSchema.builder().addStringProperty("query", "the search terms")
                        .required("query").additionalProperties(false).build())
                .build()).toList();
    }

    /** Runs the tool the judge asked for; problems become the tool's answer (and a warning), never an exception. */
    public String execute(String judge, ToolExecutionRequest request) {
        SearchTool tool = tools.stream().filter(t -> t.name().equals(request.name())).findFirst().orElse(null);
        if (tool == null) {
            record(Diagnostic.warning("judge '" + judge + "' called an unknown tool '" + request.name() + "'"));
            return "Error: there is no tool named '" + request.name() + "'; available: " + names();
        }
        String query;
        try {
            query = ARGUMENTS.readTree(request.arguments() == null ? "{}" : request.arguments())
                    .path("query").asText("").trim();
        } catch (java.io.IOException e) {
            query = "";
        }
        if (query.isEmpty()) {
            record(Diagnostic.warning("judge '" + judge + "' called " + tool.name() + " without a query: "
                    + request.arguments()));
            return "Error: give the search terms as {\"query\": \"...\"}";
        }
        try {
            Lookup lookup = tool.search().apply(query);
            record(Diagnostic.info(tool.name() + " by judge '" + judge + "': " + lookup.log()));
            return lookup.text();
        } catch (RuntimeException e) {
            record(Diagnostic.warning(tool.name() + " by judge '" + judge + "' for '" + query + "' failed: "
                    + EvaluationFailures.describe(e)));
            return "Error: the search failed: " + EvaluationFailures.describe(e);
        }
    }

    public synchronized void record(Diagnostic d) {
        log.add(d);
    }

    /** What was looked up, in order. */
    public synchronized List<Diagnostic> log() {
        return List.copyOf(log);
    }
}
