/**
 * The store's JDBC work, free to change: connections and SQLite settings, Flyway migrations, the SQL of events and
 * eval runs, page cursors and the batching writer thread.
 */
package dev.railguard.store.internal;
