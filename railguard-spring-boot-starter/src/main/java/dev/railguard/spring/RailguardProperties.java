package dev.railguard.spring;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code railguard.*} properties: judges, run mode, thresholds, self-judging, cache, limits, monitors, workflows
 * and the guard advisor. Values with a closed set of choices are checked when the context starts, and a bad one fails
 * the start naming the property and what is allowed.
 */
@ConfigurationProperties("railguard")
public class RailguardProperties {

    /** Whether the Railguard auto-configuration applies. */
    private boolean enabled = true;

    /**
     * A project file (railguard.yaml or .json; a path, or classpath:railguard.yaml) the evaluator, its metrics and
     * judges come from. The file wins over railguard.* as it wins over the environment: its judges (else railguard.judge
     * and railguard.judges), metrics, self-judging and cache directory; railguard.* adds the limits and the cache
     * switch, size and expiry.
     */
    private String config;

    /** The run mode of the guard advisor bean's workflow events: ultra_fast ... precision_max_codex. */
    private String runMode = "fast";

    /** Default thresholds in [0, 1] by metric name, for workflow metrics without a threshold of their own. */
    private Map<String, Double> thresholds = new LinkedHashMap<>();

    /** What happens when the model that produced an output is the only judge available: refuse or allow_with_warning. */
    private String selfJudging = "refuse";

    /** An OpenAI-compatible judge built from a URL and key (as RAILGUARD_JUDGE_* in the environment). */
    private final Judge judge = new Judge();

    /** Judges by name, each a ChatModel bean (LangChain4j or Spring AI) in the tiers it serves. */
    private Map<String, JudgeBean> judges = new LinkedHashMap<>();

    /** The judge-call cache. */
    private final Cache cache = new Cache();

    /** Concurrency, timeouts and budgets of judge traffic. */
    private final Limits limits = new Limits();

    /** Monitors by name; each becomes a Monitor bean of that name. */
    private Map<String, MonitorProperties> monitors = new LinkedHashMap<>();

    /** Workflows by name; each becomes a Workflow bean of that name. */
    private Map<String, WorkflowProperties> workflows = new LinkedHashMap<>();

    /** The Spring AI guard advisor. */
    private final Advisor advisor = new Advisor();

    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public String getConfig() { return config; }
    public void setConfig(String config) { this.config = config; }
    public String getRunMode() { return runMode; }
    public void setRunMode(String runMode) { this.runMode = runMode; }
    public Map<String, Double> getThresholds() { return thresholds; }
    public void setThresholds(Map<String, Double> thresholds) { this.thresholds = thresholds; }
    public String getSelfJudging() { return selfJudging; }
    public void setSelfJudging(String selfJudging) { this.selfJudging = selfJudging; }
    public Judge getJudge() { return judge; }
    public Map<String, JudgeBean> getJudges() { return judges; }
    public void setJudges(Map<String, JudgeBean> judges) { this.judges = judges; }
    public Cache getCache() { return cache; }
    public Limits getLimits() { return limits; }
    public Map<String, MonitorProperties> getMonitors() { return monitors; }
    public void setMonitors(Map<String, MonitorProperties> monitors) { this.monitors = monitors; }
    public Map<String, WorkflowProperties> getWorkflows() { return workflows; }
    public void setWorkflows(Map<String, WorkflowProperties> workflows) { this.workflows = workflows; }
    public Advisor getAdvisor() { return advisor; }

    /** An OpenAI-compatible judge; used when a base URL or an API key is set. */
    public static class Judge {
        /** The OpenAI-compatible endpoint, e.g. https://api.openai.com/v1. */
        private String baseUrl;
        /** The API key. */
        private String apiKey;
        /** The model of every tier. */
        private String model = "gpt-4o-mini";
        /** Models per tier (fast, standard, strong, code), comma-separated for several judges in a tier. */
        private Map<String, String> models = new LinkedHashMap<>();
        /** The per-call timeout. */
        private Duration timeout = Duration.ofSeconds(60);
        /** Prices per million tokens, model=input:output,... (e.g. gpt-4o-mini=0.15:0.60). */
        private String prices;

        public String getBaseUrl() { return baseUrl; }
        public void setBaseUrl(String baseUrl) { this.baseUrl = baseUrl; }
        public String getApiKey() { return apiKey; }
        public void setApiKey(String apiKey) { this.apiKey = apiKey; }
        public String getModel() { return model; }
        public void setModel(String model) { this.model = model; }
        public Map<String, String> getModels() { return models; }
        public void setModels(Map<String, String> models) { this.models = models; }
        public Duration getTimeout() { return timeout; }
        public void setTimeout(Duration timeout) { this.timeout = timeout; }
        public String getPrices() { return prices; }
        public void setPrices(String prices) { this.prices = prices; }
    }

    /** A judge that is a ChatModel bean. */
    public static class JudgeBean {
        /** The name of the ChatModel bean (LangChain4j or Spring AI). */
        private String bean;
        /** The tiers this judge serves: fast, standard, strong, code. */
        private List<String> tiers = new ArrayList<>(List.of("fast", "standard", "strong", "code"));

        public String getBean() { return bean; }
        public void setBean(String bean) { this.bean = bean; }
        public List<String> getTiers() { return tiers; }
        public void setTiers(List<String> tiers) { this.tiers = tiers; }
    }

    /** The judge-call cache. */
    public static class Cache {
        /** Whether identical judge calls are answered from the cache. */
        private boolean enabled;
        /** A directory that keeps the cache across restarts. */
        private Path directory;
        /** How long an entry lives. */
        private Duration expiry = Duration.ofDays(14);
        /** How many entries the memory cache holds. */
        private long maximumSize = 10_000;

        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean enabled) { this.enabled = enabled; }
        public Path getDirectory() { return directory; }
        public void setDirectory(Path directory) { this.directory = directory; }
        public Duration getExpiry() { return expiry; }
        public void setExpiry(Duration expiry) { this.expiry = expiry; }
        public long getMaximumSize() { return maximumSize; }
        public void setMaximumSize(long maximumSize) { this.maximumSize = maximumSize; }
    }

    /** Judge traffic; unset values keep the evaluator's defaults. */
    public static class Limits {
        /** Judge calls in flight at once, over all judges (default 16). */
        private Integer maxConcurrentJudgeCalls;
        /** Judge calls in flight at once per judge. */
        private Integer maxConcurrentCallsPerJudge;
        /** The timeout of one judge call (default 2 minutes). */
        private Duration callTimeout;
        /** The timeout of one whole evaluation (default none). */
        private Duration evaluationTimeout;
        /** Attempts per judge call, retries of 429, 5xx and timeouts included (default 5). */
        private Integer maxCallAttempts;
        /** Evaluations in flight at once (default 256). */
        private Integer maxInFlightEvaluations;
        /** The largest prompt a judge call may send, in tokens (characters / 4). */
        private Long maxPromptTokens;
        /** The token cap of a judge's reply (default 2048). */
        private Integer maxJudgeOutputTokens;

        public Integer getMaxConcurrentJudgeCalls() { return maxConcurrentJudgeCalls; }
        public void setMaxConcurrentJudgeCalls(Integer v) { this.maxConcurrentJudgeCalls = v; }
        public Integer getMaxConcurrentCallsPerJudge() { return maxConcurrentCallsPerJudge; }
        public void setMaxConcurrentCallsPerJudge(Integer v) { this.maxConcurrentCallsPerJudge = v; }
        public Duration getCallTimeout() { return callTimeout; }
        public void setCallTimeout(Duration v) { this.callTimeout = v; }
        public Duration getEvaluationTimeout() { return evaluationTimeout; }
        public void setEvaluationTimeout(Duration v) { this.evaluationTimeout = v; }
        public Integer getMaxCallAttempts() { return maxCallAttempts; }
        public void setMaxCallAttempts(Integer v) { this.maxCallAttempts = v; }
        public Integer getMaxInFlightEvaluations() { return maxInFlightEvaluations; }
        public void setMaxInFlightEvaluations(Integer v) { this.maxInFlightEvaluations = v; }
        public Long getMaxPromptTokens() { return maxPromptTokens; }
        public void setMaxPromptTokens(Long v) { this.maxPromptTokens = v; }
        public Integer getMaxJudgeOutputTokens() { return maxJudgeOutputTokens; }
        public void setMaxJudgeOutputTokens(Integer v) { this.maxJudgeOutputTokens = v; }
    }

    /** The Spring AI guard advisor. */
    public static class Advisor {
        /** The workflow (a name under railguard.workflows) the RailguardGuardAdvisor bean runs; no advisor bean when unset. */
        private String workflow;

        public String getWorkflow() { return workflow; }
        public void setWorkflow(String workflow) { this.workflow = workflow; }
    }
}
