package dev.railguard.event;

/** What produced an event: a workflow ({@code wkfl_...}) or a monitor ({@code mon_...}). */
public enum EventSource {
    /** A Defend-style workflow: evaluation, improvement attempts, history. */
    WORKFLOW,
    /** A monitor: one evaluation per event. */
    MONITOR
}
