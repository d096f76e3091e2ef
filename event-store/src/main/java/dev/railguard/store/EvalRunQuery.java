package dev.railguard.store;

import dev.railguard.api.Checks;
import dev.railguard.format.AgnoEvalRun;
import java.util.List;
import java.util.Locale;

/**
 * Which eval runs to list: Agno's {@code GET /eval-runs} query. Filters are optional (null or empty means any).
 * Pages are numbered from 1; runs are sorted by {@code created_at}, newest first unless {@code ascending}.
 *
 * @param evalTypes  only runs of these types
 * @param agentId    only runs of this agent
 * @param teamId     only runs of this team
 * @param workflowId only runs of this workflow
 * @param modelId    only runs with this model
 * @param filterType {@code agent}, {@code team} or {@code workflow}: only runs that name one
 * @param page       the page, from 1
 * @param limit      runs per page, 1 to 1000
 * @param ascending  oldest first instead of newest first
 */
public record EvalRunQuery(List<String> evalTypes, String agentId, String teamId, String workflowId, String modelId,
        String filterType, int page, int limit, boolean ascending) {

    /** The filter types Agno accepts. */
    public static final List<String> FILTER_TYPES = List.of("agent", "team", "workflow");

    /** Validates and copies. */
    public EvalRunQuery {
        evalTypes = evalTypes == null ? List.of() : List.copyOf(evalTypes);
        for (String t : evalTypes) {
            if (!AgnoEvalRun.EVAL_TYPES.contains(t)) {
                throw new IllegalArgumentException("eval_types must hold only " + AgnoEvalRun.EVAL_TYPES
                        + ", but had: '" + t + "'");
            }
        }
        if (filterType != null) {
            filterType = filterType.toLowerCase(Locale.ROOT);
            if (!FILTER_TYPES.contains(filterType)) {
                throw new IllegalArgumentException("type must be one of " + FILTER_TYPES + ", but was: '"
                        + filterType + "'");
            }
        }
        Checks.atLeast(page, 1, "page");
        Checks.between(limit, 1, EventQuery.MAX_LIMIT, "limit");
    }

    /** Every run, first page of 20, newest first (Agno's defaults). */
    public static EvalRunQuery all() {
        return new EvalRunQuery(List.of(), null, null, null, null, null, 1, 20, false);
    }

    /** Only runs of these types. */
    public EvalRunQuery withEvalTypes(String... types) {
        return new EvalRunQuery(List.of(types), agentId, teamId, workflowId, modelId, filterType, page, limit,
                ascending);
    }

    /** Only runs of this agent. */
    public EvalRunQuery withAgent(String agentId) {
        return new EvalRunQuery(evalTypes, agentId, teamId, workflowId, modelId, filterType, page, limit, ascending);
    }

    /** Only runs of this team. */
    public EvalRunQuery withTeam(String teamId) {
        return new EvalRunQuery(evalTypes, agentId, teamId, workflowId, modelId, filterType, page, limit, ascending);
    }

    /** Only runs with this model. */
    public EvalRunQuery withModel(String modelId) {
        return new EvalRunQuery(evalTypes, agentId, teamId, workflowId, modelId, filterType, page, limit, ascending);
    }

    /** Only runs that name an agent, a team or a workflow. */
    public EvalRunQuery withFilterType(String filterType) {
        return new EvalRunQuery(evalTypes, agentId, teamId, workflowId, modelId, filterType, page, limit, ascending);
    }

    /** Page {@code page} of {@code limit} runs. */
    public EvalRunQuery withPage(int page, int limit) {
        return new EvalRunQuery(evalTypes, agentId, teamId, workflowId, modelId, filterType, page, limit, ascending);
    }

    /** Oldest first. */
    public EvalRunQuery oldestFirst() {
        return new EvalRunQuery(evalTypes, agentId, teamId, workflowId, modelId, filterType, page, limit, true);
    }
}
