package dev.railguard.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.RunMode;
import dev.railguard.config.internal.BatchApiSection;
import dev.railguard.config.internal.JudgeSection;
import dev.railguard.config.internal.LocatedTree;
import dev.railguard.config.internal.ProjectChecks;
import dev.railguard.config.internal.SchemaCheck;
import dev.railguard.engine.JudgePanel;
import dev.railguard.engine.MetricRegistry;
import dev.railguard.engine.PriceTable;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.engine.SelfJudging;
import dev.railguard.engine.batchapi.BatchApi;
import dev.railguard.format.DeepRailsField;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * A project file, {@code railguard.yaml} (or {@code .json}): judges of any provider, metrics with thresholds and
 * declared checks, datasets, gates and where results go. One loader for every entry point: the {@code railguard}
 * command, the JUnit extension, jshell scripts, the Spark spec and the Spring starter.
 *
 * <pre>{@code
 * RailguardProject project = RailguardProject.load(Path.of("railguard.yaml"));
 * try (RailguardEvaluator evaluator = project.evaluator()) {
 *     ...
 * }
 * }</pre>
 *
 * <p><b>File and environment</b>: the file wins. The environment is read only where the file refers to it
 * ({@code api_key: ${ANTHROPIC_API_KEY}}, {@code base_url: ${AZURE_ENDPOINT}}) and for the judges when the file has
 * no {@code judges:} section (then {@link JudgeEnvironment} reads {@code RAILGUARD_JUDGE_*}, as without a file).
 * Options of a command win over both.
 *
 * <p>The file's shape is {@code railguard.schema.json} (at the root of this jar and in the repository); every problem
 * of a file is reported at once, each naming file, line, column and key ({@link ProjectFileException}).
 */
public final class RailguardProject {

    /** The names looked for in a directory, in this order. */
    public static final List<String> FILE_NAMES = List.of("railguard.yaml", "railguard.yml", "railguard.json");

    private final Path file;
    private final JsonNode root;
    private final MetricRegistry metrics;
    private final Map<String, Double> thresholds;
    private final List<ProjectDataset> datasets;
    private final ProjectGates gates;
    private final JudgeSection judges;
    private final JudgeEnvironment environment;
    private final Optional<BatchApiSection> batch;

    private RailguardProject(Path file, JsonNode root, ProjectChecks.Checked checked, JudgeSection judges,
            JudgeEnvironment environment, Optional<BatchApiSection> batch) {
        this.file = file;
        this.root = root;
        this.metrics = checked.metrics();
        this.thresholds = checked.thresholds();
        this.datasets = checked.datasets();
        this.gates = checked.gates();
        this.judges = judges;
        this.environment = environment;
        this.batch = batch;
    }

    /** The project file in {@code dir}, the first of {@link #FILE_NAMES} that exists. */
    public static Optional<Path> find(Path dir) {
        return FILE_NAMES.stream().map(dir::resolve).filter(Files::isRegularFile).findFirst();
    }

    /**
     * Loads {@code file} with this process's environment variables and system properties.
     *
     * @throws ProjectFileException naming every problem of the file
     */
    public static RailguardProject load(Path file) {
        return load(file, System.getenv(), System.getProperties());
    }

    /**
     * Loads {@code file} with {@code env} as the environment and {@code properties} as the {@code railguard.judge.*}
     * settings {@link JudgeEnvironment} reads when the file declares no judges.
     *
     * @throws ProjectFileException naming every problem of the file, an unset variable it refers to included, and a
     *                              {@code batch_api:} the environment's judges (the file declares none) cannot use
     */
    public static RailguardProject load(Path file, Map<String, String> env, Properties properties) {
        Objects.requireNonNull(env, "env must not be null");
        LocatedTree tree = LocatedTree.read(Objects.requireNonNull(file, "file must not be null"));
        List<ProjectFileException.Problem> problems = new ArrayList<>(SchemaCheck.problems(tree));
        if (!problems.isEmpty()) {
            throw new ProjectFileException(problems);
        }
        ProjectChecks.Checked checked = ProjectChecks.check(tree, problems);
        JudgeSection judges = tree.root().has("judges") ? JudgeSection.read(tree, env, true, problems) : null;
        Optional<BatchApiSection> batch = BatchApiSection.read(tree, problems);
        if (!problems.isEmpty()) {
            throw new ProjectFileException(problems);
        }
        JudgeEnvironment environment = judges == null ? JudgeEnvironment.from(env, properties) : null;
        if (environment != null && batch.isPresent()) { // the environment's judges must have that batch API
            try {
                environment.batchApi(batch.get().provider().orElse(null));
            } catch (IllegalArgumentException e) {
                throw new ProjectFileException(List.of(tree.problemAt("/batch_api", e.getMessage())));
            }
        }
        return new RailguardProject(file, tree.root(), checked, judges, environment, batch);
    }

    /**
     * The problems of {@code file} that need no environment: its shape, metrics, datasets, gates, judge names and
     * provider modules (not whether the variables it refers to are set). Empty when the file is good.
     */
    public static List<ProjectFileException.Problem> check(Path file) {
        LocatedTree tree;
        try {
            tree = LocatedTree.read(file);
        } catch (ProjectFileException e) {
            return e.problems();
        }
        List<ProjectFileException.Problem> problems = new ArrayList<>(SchemaCheck.problems(tree));
        if (problems.isEmpty()) {
            ProjectChecks.check(tree, problems);
            if (tree.root().has("judges")) {
                JudgeSection.read(tree, Map.of(), false, problems);
            }
            BatchApiSection.read(tree, problems);
        }
        return List.copyOf(problems);
    }

    /** The project file. */
    public Path file() {
        return file;
    }

    /** Whether the file declares its judges (else they come from {@code RAILGUARD_JUDGE_*}). */
    public boolean declaresJudges() {
        return judges != null;
    }

    /** The judges: those the file declares, else those of the environment; empty when neither configures one. */
    public Optional<JudgePanel> panel() {
        return judges != null ? Optional.of(judges.panel()) : environment.panel();
    }

    /** The prices of the declared judges, or those of {@code RAILGUARD_JUDGE_PRICES}. */
    public PriceTable prices() {
        return judges != null ? judges.prices() : environment.prices();
    }

    /** The installed metrics plus the checks the file declares. */
    public MetricRegistry metrics() {
        return metrics;
    }

    /** The names of the metrics the file declares (built-ins with settings and checks), in the file's order. */
    public List<String> declaredMetrics() {
        List<String> names = new ArrayList<>();
        root.path("metrics").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The pass thresholds the file sets, by metric. */
    public Map<String, Double> thresholds() {
        return thresholds;
    }

    /** The datasets, in the file's order. */
    public List<ProjectDataset> datasets() {
        return datasets;
    }

    /**
     * The dataset named {@code name}.
     *
     * @throws IllegalArgumentException naming the datasets there are
     */
    public ProjectDataset dataset(String name) {
        return datasets.stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("dataset must be one of " + datasets.stream().map(ProjectDataset::name)
                        .toList() + " (declared in " + file + "), but was: '" + name + "'"));
    }

    /** The gates. */
    public ProjectGates gates() {
        return gates;
    }

    /** The run mode of events that name none, if the file sets one. */
    public Optional<RunMode> runMode() {
        return text(DeepRailsField.RUN_MODE.key()).map(RunMode::fromWireName);
    }

    /** The self-judging policy; {@link SelfJudging#REFUSE} unless the file says otherwise. */
    public SelfJudging selfJudging() {
        return text("self_judging").map(s -> SelfJudging.valueOf(s.toUpperCase(Locale.ROOT))).orElse(SelfJudging.REFUSE);
    }

    /** The cache directory, resolved against the file's directory, if the file sets one. */
    public Optional<Path> cacheDirectory() {
        return text("cache_dir").map(this::resolve);
    }

    /** The event store, a SQLite file resolved against the file's directory or a JDBC URL, if the file sets one. */
    public Optional<String> store() {
        return text("store").map(s -> s.startsWith("jdbc:") ? s : resolve(s).toString());
    }

    /** The output directory, resolved against the file's directory, if the file sets one. */
    public Optional<Path> outputDirectory() {
        return Optional.ofNullable(root.path("output").path("dir").textValue()).map(this::resolve);
    }

    /** The report title, if the file sets one. */
    public Optional<String> reportTitle() {
        return Optional.ofNullable(root.path("output").path("title").textValue());
    }

    /**
     * An evaluator builder with everything the file declares: metrics, judges with their limits and prices, the
     * self-judging policy and the cache directory. Without a judge, judged metrics are SKIPPED with the message that
     * says how to configure one.
     */
    public RailguardEvaluator.Builder evaluatorBuilder() {
        RailguardEvaluator.Builder b = RailguardEvaluator.builder().metrics(metrics).selfJudging(selfJudging());
        Optional<JudgePanel> panel = panel();
        if (panel.isPresent()) {
            b.judges(panel.get()).prices(prices());
            if (judges != null) {
                judges.limits().forEach(b::judgeLimits);
            }
        } else {
            b.skipJudgedMetricsWhenNoJudge(JudgeEnvironment.HOW_TO_CONFIGURE);
        }
        cacheDirectory().ifPresent(b::cacheDirectory);
        return b;
    }

    /** The evaluator of {@link #evaluatorBuilder()}; close it when done. */
    public RailguardEvaluator evaluator() {
        return evaluatorBuilder().build();
    }

    /**
     * The batch API {@code batch_api:} asks for: see {@link #batchApi(String)}; empty when the file has no
     * {@code batch_api:}.
     */
    public Optional<BatchApi.Builder> batchApi() {
        return batch.map(b -> batchApi(b.provider().orElse(null)));
    }

    /**
     * The batch API of {@code provider} (null for the one of {@code batch_api:}, else the judges' provider) at the
     * endpoint and key of the file's judges of that provider, or of {@code RAILGUARD_JUDGE_*} when the file declares
     * none; with the file's {@code sync_fallback} and {@code poll_seconds}. Give it a job file and pass it to
     * {@link RailguardEvaluator.Builder#batchApi}: the evaluator of {@link #evaluatorBuilder()} calls synchronously.
     *
     * @throws IllegalArgumentException for a provider without a batch API, or another provider than the judges'
     */
    public BatchApi.Builder batchApi(String provider) {
        String name = provider != null && !provider.isBlank() ? provider
                : batch.flatMap(BatchApiSection::provider).orElse(null);
        BatchApi.Builder b;
        if (judges == null) {
            b = environment.batchApi(name);
        } else {
            JudgeSection.Endpoint first = judges.endpoints().get(0);
            String chosen = name != null ? BatchApi.Provider.named(name).id() : BatchApiSection.batchProvider(
                    first.provider().wireName()).map(BatchApi.Provider::id).orElseThrow(() ->
                            new IllegalArgumentException(BatchApiSection.noBatchApi(first.provider().wireName())));
            for (int i = 0; i < judges.endpoints().size(); i++) {
                JudgeSection.Endpoint e = judges.endpoints().get(i);
                if (!e.provider().wireName().equals(chosen)) {
                    throw new IllegalArgumentException(BatchApiSection.mismatch(chosen, "judges[" + i + "] ('"
                            + e.name() + "') of " + file, e.provider().wireName(), "run without the batch API, or"
                                    + " declare judges of that one provider"));
                }
            }
            b = BatchApi.of(chosen, first.baseUrl(), first.apiKey() == null ? "not-needed" : first.apiKey());
        }
        batch.ifPresent(s -> {
            b.synchronousFallback(s.synchronousFallback());
            s.firstPoll().ifPresent(b::pollInterval);
        });
        return b;
    }

    /** {@code request} with the file's thresholds for its metrics that have none of their own. */
    public EvaluationRequest withThresholds(EvaluationRequest request) {
        Map<String, Double> missing = new LinkedHashMap<>();
        thresholds.forEach((metric, t) -> {
            if (request.metrics().contains(metric) && !request.thresholds().containsKey(metric)) {
                missing.put(metric, t);
            }
        });
        if (missing.isEmpty()) {
            return request;
        }
        EvaluationRequest.Builder b = request.toBuilder();
        missing.forEach(b::threshold);
        return b.build();
    }

    private Optional<String> text(String key) {
        return Optional.ofNullable(root.path(key).textValue());
    }

    private Path resolve(String path) {
        Path dir = file.toAbsolutePath().getParent();
        return dir.resolve(path).normalize();
    }

    @Override
    public String toString() {
        return "RailguardProject{" + file + ", metrics=" + declaredMetrics() + ", datasets="
                + datasets.stream().map(ProjectDataset::name).toList() + "}";
    }
}
