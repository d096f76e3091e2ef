package dev.railguard.store;

import java.util.List;

/**
 * One page of eval runs with Agno's pagination meta.
 *
 * @param runs       the runs of this page
 * @param page       the page number, from 1
 * @param limit      the page size
 * @param totalCount runs matching the filters, over all pages
 */
public record EvalRunPage(List<StoredEvalRun> runs, int page, int limit, long totalCount) {

    /** Copies. */
    public EvalRunPage {
        runs = List.copyOf(runs);
    }

    /** Pages in all: {@code ceil(totalCount / limit)}. */
    public long totalPages() {
        return (totalCount + limit - 1) / limit;
    }
}
