package dev.railguard.spring;

import java.util.ArrayList;
import java.util.List;

/** One monitor under {@code railguard.monitors.<name>}: a {@code Monitor} bean named {@code <name>}. */
public class MonitorProperties {

    /** The metrics every event is judged on, e.g. correctness,comprehensive_safety. */
    private List<String> metrics = new ArrayList<>();
    /** What the monitor watches. */
    private String description;
    /** Events the intake queue holds before it rejects (default 10000). */
    private Integer queueCapacity;
    /** Recent events kept for the endpoint and lookups (default 1000). */
    private Integer retainedEvents;

    /** A stable id (mon_...), so that events recorded by one run can be resumed by the next; default a random one. */
    private String id;
    /** Whether to run again, at start-up, the events the event recorder holds as accepted but never finished. */
    private boolean resumeOnStart;

    public List<String> getMetrics() { return metrics; }
    public void setMetrics(List<String> metrics) { this.metrics = metrics; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public Integer getQueueCapacity() { return queueCapacity; }
    public void setQueueCapacity(Integer queueCapacity) { this.queueCapacity = queueCapacity; }
    public Integer getRetainedEvents() { return retainedEvents; }
    public void setRetainedEvents(Integer retainedEvents) { this.retainedEvents = retainedEvents; }
    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public boolean isResumeOnStart() { return resumeOnStart; }
    public void setResumeOnStart(boolean resumeOnStart) { this.resumeOnStart = resumeOnStart; }
}
