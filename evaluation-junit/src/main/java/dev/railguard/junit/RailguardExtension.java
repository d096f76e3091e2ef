package dev.railguard.junit;

import dev.railguard.config.JudgeEnvironment;
import dev.railguard.api.Evaluator;
import dev.railguard.config.RailguardProject;
import dev.railguard.engine.RailguardEvaluator;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

/**
 * A JUnit 5 extension that gives tests an {@link Evaluator}: register it with
 * {@code @ExtendWith(RailguardExtension.class)} or {@link RailguardTest @RailguardTest}, then declare an
 * {@code Evaluator} (or {@code RailguardEvaluator}) parameter on a test method, constructor or lifecycle method.
 *
 * <h2>One evaluator per test run</h2>
 * The evaluator, and with it the judge cache, is created on first use and kept in the root
 * {@link ExtensionContext.Store}, so every test class of the run shares it; it is closed when the run ends.
 *
 * <h2>Configuration</h2>
 * Read from JUnit configuration parameters (which fall back to system properties and
 * {@code junit-platform.properties}) or environment variables; a parameter wins:
 * <ul>
 * <li>the judges: {@code railguard.judge.baseUrl}, {@code .apiKey}, {@code .model}, {@code .model.<tier>},
 * {@code .timeoutSeconds}, or {@code RAILGUARD_JUDGE_BASE_URL} and friends (see
 * {@link dev.railguard.config.JudgeEnvironment});</li>
 * <li>{@code railguard.junit.requireJudge} / {@code RAILGUARD_REQUIRE_JUDGE} ({@code false} by default): when
 * {@code true}, a test that needs a judge fails if none is configured, instead of being skipped;</li>
 * <li>{@code railguard.cache.dir} / {@code RAILGUARD_CACHE_DIR}: the directory judge replies persist in, so a second
 * run of the suite makes no judge call.</li>
 * </ul>
 *
 * <h2>A project file</h2>
 * A class marked {@link Railguard @Railguard(config = "railguard.yaml")} gets an evaluator built from that file
 * ({@code RailguardProject}: its judges, checks, thresholds and self-judging policy; shared by every class naming the
 * same file), and {@link RailguardSource @RailguardSource} reads its datasets.
 *
 * <h2>No judge configured</h2>
 * A test that needs an evaluator (its method, or its class's constructor or lifecycle methods, take one) is skipped
 * with {@link RailguardMessages#noJudgeSkipped()}, which names the variables to set; with
 * {@code requireJudge} it fails with {@link RailguardMessages#noJudgeRequired()}. Tests that take no evaluator run.
 * Nothing passes silently: a parameter the condition did not foresee fails resolution with the same message.
 *
 * <p>Registered declaratively; needs a public no-argument constructor, which it has. Thread-safe.
 */
public final class RailguardExtension implements ParameterResolver, ExecutionCondition {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RailguardExtension.class);

    /** Where environment variables come from; replaced only by this module's tests, to be hermetic. */
    static volatile Supplier<Map<String, String>> environment = System::getenv;

    /** Creates the extension; JUnit calls this. */
    public RailguardExtension() {}

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return isEvaluator(parameterContext.getParameter());
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return shared(extensionContext).evaluator();
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!needsEvaluator(context)) {
            return ConditionEvaluationResult.enabled("needs no judge");
        }
        RailguardSettings settings = settings(context);
        Optional<RailguardProject> project = project(context);
        if (project.map(p -> p.panel().isPresent()).orElse(settings.judges().configured())) {
            return ConditionEvaluationResult.enabled("a judge is configured: "
                    + project.map(p -> (Object) p.panel().orElseThrow()).orElse(settings.judges()));
        }
        if (settings.requireJudge()) {
            return ConditionEvaluationResult.enabled("no judge is configured and one is required: fails on use");
        }
        return ConditionEvaluationResult.disabled(RailguardMessages.noJudgeSkipped());
    }

    /**
     * The evaluator shared by the whole run, created on first use.
     *
     * @throws ParameterResolutionException when no judge is configured
     */
    private static SharedEvaluator shared(ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        Optional<RailguardProject> project = project(context);
        Object key = project.<Object>map(p -> "evaluator of " + p.file()).orElse(SharedEvaluator.class);
        return store.getOrComputeIfAbsent(key, k -> {
            RailguardSettings settings = settings(context);
            if (!project.map(p -> p.panel().isPresent()).orElse(settings.judges().configured())) {
                throw new ParameterResolutionException(settings.requireJudge()
                        ? RailguardMessages.noJudgeRequired() : RailguardMessages.noJudgeSkipped());
            }
            // the judge cache is on for the whole run; with a directory it also survives to the next run
            RailguardEvaluator.Builder builder = project.isPresent() ? project.get().evaluatorBuilder().cache(true)
                    : RailguardEvaluator.builder().judges(settings.judges().requirePanel())
                            .prices(settings.judges().prices()).cache(true);
            settings.cacheDirectory().ifPresent(builder::cacheDirectory);
            return new SharedEvaluator(builder.build(), settings);
        }, SharedEvaluator.class);
    }

    /**
     * The project file of the test class ({@link Railguard#config()}, else {@code railguard.yaml} in the working
     * directory when the class is marked {@link Railguard}), loaded once per run and file.
     */
    static Optional<RailguardProject> project(ExtensionContext context) {
        Optional<Railguard> marked = context.getTestClass()
                .flatMap(c -> AnnotationSupport.findAnnotation(c, Railguard.class));
        if (marked.isEmpty()) {
            return Optional.empty();
        }
        Optional<Path> file = marked.get().config().isEmpty() ? RailguardProject.find(Path.of("").toAbsolutePath())
                : Optional.of(Path.of(marked.get().config()));
        return file.map(f -> context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("project " + f.toAbsolutePath(),
                k -> RailguardProject.load(f, environment.get(), System.getProperties()), RailguardProject.class));
    }

    private static RailguardSettings settings(ExtensionContext context) {
        return RailguardSettings.read(context::getConfigurationParameter, environment.get());
    }

    private static boolean isEvaluator(Parameter p) {
        return p.getType() == Evaluator.class || p.getType() == RailguardEvaluator.class;
    }

    /** Whether the test method, or for a class its constructors and lifecycle methods, take an evaluator. */
    private static boolean needsEvaluator(ExtensionContext context) {
        List<Executable> executables = new ArrayList<>();
        if (context.getTestMethod().isPresent()) {
            executables.add(context.getTestMethod().get());
        } else if (context.getTestClass().isPresent()) {
            Class<?> type = context.getTestClass().get();
            for (Constructor<?> c : type.getDeclaredConstructors()) {
                executables.add(c);
            }
            for (Class<? extends java.lang.annotation.Annotation> a
                    : List.of(BeforeAll.class, BeforeEach.class, AfterEach.class, AfterAll.class)) {
                List<Method> methods = AnnotationSupport.findAnnotatedMethods(type, a, HierarchyTraversalMode.TOP_DOWN);
                executables.addAll(methods);
            }
        }
        for (Executable e : executables) {
            for (Parameter p : e.getParameters()) {
                if (isEvaluator(p)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The run's evaluator, closed with the root store at the end of the run. */
    record SharedEvaluator(RailguardEvaluator evaluator, RailguardSettings settings)
            implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            evaluator.close();
        }
    }
}
