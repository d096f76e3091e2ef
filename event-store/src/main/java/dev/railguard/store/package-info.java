/**
 * The event store: workflow events, monitor events and eval runs kept beyond the process, in one SQLite file by
 * default or any JDBC database (PostgreSQL tested), schema versioned by Flyway. Entry points:
 * {@link dev.railguard.store.EventStore} (open, accept and update events, query by id, filters and cursor pages,
 * counts per status and metric verdict) and {@link dev.railguard.store.EvalRunTable} (Agno's eval runs per
 * {@code db_id} and {@code table}).
 */
package dev.railguard.store;
