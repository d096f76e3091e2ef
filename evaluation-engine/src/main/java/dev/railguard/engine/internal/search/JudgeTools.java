package dev.railguard.engine.internal.search;

import dev.railguard.engine.DocumentHit;
import dev.railguard.engine.DocumentStore;

import dev.langchain4j.web.search.WebSearchEngine;
import dev.langchain4j.web.search.WebSearchOrganicResult;
import dev.langchain4j.web.search.WebSearchRequest;
import dev.railguard.api.Capability;
import dev.railguard.api.EvaluationRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The search tools an evaluator can give its judges: {@code web_search} over the user's {@link WebSearchEngine},
 * {@code file_search} over its {@link DocumentStore}. Which ones a call gets depends on the request's capabilities.
 *
 * @param webSearch     the engine, or {@code null} when none is configured
 * @param documents     the registered documents
 * @param maxRoundTrips tool round trips allowed per judge call
 * @param maxResults    results per search
 */
public record JudgeTools(WebSearchEngine webSearch, DocumentStore documents, int maxRoundTrips, int maxResults) {

    public static final String WEB_SEARCH = "web_search";
    public static final String FILE_SEARCH = "file_search";

    /** A fresh tool box for one call of {@code request}; {@link ToolBox#NONE} when it enables no search. */
    public ToolBox forRequest(EvaluationRequest request) {
        List<ToolBox.SearchTool> tools = new ArrayList<>();
        if (request.has(Capability.WEB_SEARCH) && webSearch != null) {
            tools.add(new ToolBox.SearchTool(WEB_SEARCH, "Search the web to check a fact. Returns titles, URLs and"
                    + " snippets of the best results.", this::searchWeb));
        }
        if (request.has(Capability.FILE_SEARCH)) {
            String ids = request.modelInput().extras().get(FILE_SEARCH);
            java.util.Set<String> only = ids == null || ids.isBlank() ? null
                    : new java.util.LinkedHashSet<>(List.of(ids.split(",")));
            tools.add(new ToolBox.SearchTool(FILE_SEARCH, "Search the documents the user registered. Returns the"
                    + " best matching passages with their document ids.", q -> searchFiles(q, only)));
        }
        return tools.isEmpty() ? ToolBox.NONE : new ToolBox(tools, maxRoundTrips);
    }

    private ToolBox.Lookup searchWeb(String query) {
        List<WebSearchOrganicResult> results = webSearch.search(WebSearchRequest.builder().searchTerms(query)
                .maxResults(maxResults).build()).results();
        List<WebSearchOrganicResult> top = results == null ? List.of()
                : results.subList(0, Math.min(maxResults, results.size()));
        if (top.isEmpty()) {
            return new ToolBox.Lookup("No results.", "query '" + query + "': no results");
        }
        String text = top.stream().map(r -> r.title() + " (" + r.url() + "): "
                + (r.snippet() == null ? "" : r.snippet())).collect(Collectors.joining("\n"));
        String log = "query '" + query + "' -> " + top.stream().map(r -> r.title() + " <" + r.url() + ">")
                .collect(Collectors.joining(", "));
        return new ToolBox.Lookup(text, log);
    }

    /**
     * Searches the registered documents, or only the documents {@code only} names (the event's {@code file_search}
     * ids, from {@code modelInput.extras["file_search"]}); ids the store does not hold are named in the log.
     */
    private ToolBox.Lookup searchFiles(String query, java.util.Set<String> only) {
        // restricted before ranking: a named document that ranks low among all documents is still found
        List<DocumentHit> hits = documents.search(query, maxResults, only);
        String missing = only == null ? "" : only.stream().filter(id -> documents.get(id).isEmpty())
                .collect(Collectors.joining(", "));
        String note = missing.isEmpty() ? "" : " (file ids not registered: " + missing + ")";
        if (hits.isEmpty()) {
            return new ToolBox.Lookup("No matching passage.", "query '" + query + "': no matching passage" + note);
        }
        String text = hits.stream().map(h -> "[" + h.documentId() + " " + h.name() + "] " + h.passage())
                .collect(Collectors.joining("\n\n"));
        String log = "query '" + query + "' -> " + hits.stream().map(h -> h.documentId() + " (" + h.name() + ")")
                .collect(Collectors.joining(", ")) + note;
        return new ToolBox.Lookup(text, log);
    }
}
