package dev.railguard.spring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One workflow under {@code railguard.workflows.<name>}: a {@code Workflow} bean named {@code <name>}. */
public class WorkflowProperties {

    /** The metrics every answer is judged on. */
    private List<String> metrics = new ArrayList<>();
    /** Custom thresholds in [0, 1] by metric; other metrics use railguard.thresholds, else the tolerance. */
    private Map<String, Double> thresholds = new LinkedHashMap<>();
    /** The automatic threshold of metrics without one: low (strictest), medium or high. */
    private String tolerance = "medium";
    /** What to do with a failing answer: fixit, regen or do_nothing. */
    private String improvementAction = "fixit";
    /** Improvement attempts per answer (default 10). */
    private Integer maxImprovementAttempts;
    /** The ChatModel bean (LangChain4j or Spring AI) that repairs; default: the application's only ChatModel. */
    private String generator;
    /** Whether a judge may also be the generator. */
    private boolean allowJudgeAsGenerator;
    /** What the workflow guards. */
    private String description;

    /** A stable id (wkfl_...), so that events recorded by one run can be resumed by the next; default a random one. */
    private String id;
    /** Whether to run again, at start-up, the events the event recorder holds as accepted but never finished. */
    private boolean resumeOnStart;

    public List<String> getMetrics() { return metrics; }
    public void setMetrics(List<String> metrics) { this.metrics = metrics; }
    public Map<String, Double> getThresholds() { return thresholds; }
    public void setThresholds(Map<String, Double> thresholds) { this.thresholds = thresholds; }
    public String getTolerance() { return tolerance; }
    public void setTolerance(String tolerance) { this.tolerance = tolerance; }
    public String getImprovementAction() { return improvementAction; }
    public void setImprovementAction(String improvementAction) { this.improvementAction = improvementAction; }
    public Integer getMaxImprovementAttempts() { return maxImprovementAttempts; }
    public void setMaxImprovementAttempts(Integer v) { this.maxImprovementAttempts = v; }
    public String getGenerator() { return generator; }
    public void setGenerator(String generator) { this.generator = generator; }
    public boolean isAllowJudgeAsGenerator() { return allowJudgeAsGenerator; }
    public void setAllowJudgeAsGenerator(boolean allow) { this.allowJudgeAsGenerator = allow; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public boolean isResumeOnStart() { return resumeOnStart; }
    public void setResumeOnStart(boolean resumeOnStart) { this.resumeOnStart = resumeOnStart; }
}
