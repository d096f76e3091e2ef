package dev.railguard.junit;

import dev.railguard.config.JudgeEnvironment;
import dev.railguard.api.Evaluator;
import dev.railguard.engine.RailguardEvaluator;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        if (settings.judges().configured()) {
            return ConditionEvaluationResult.enabled("a judge is configured: " + settings.judges());
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
        return store.getOrComputeIfAbsent(SharedEvaluator.class, k -> {
            RailguardSettings settings = settings(context);
            if (!settings.judges().configured()) {
                throw new ParameterResolutionException(settings.requireJudge()
                        ? RailguardMessages.noJudgeRequired() : RailguardMessages.noJudgeSkipped());
            }
            // the judge cache is on for the whole run; with a directory it also survives to the next run
            RailguardEvaluator.Builder builder = RailguardEvaluator.builder().judges(settings.judges().requirePanel())
                    .prices(settings.judges().prices()).cache(true);
            settings.cacheDirectory().ifPresent(builder::cacheDirectory);
            return new SharedEvaluator(builder.build(), settings);
        }, SharedEvaluator.class);
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
