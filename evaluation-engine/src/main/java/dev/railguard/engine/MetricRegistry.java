package dev.railguard.engine;

import dev.railguard.api.GuardrailMetric;
import dev.railguard.api.Thresholds;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * The metrics an evaluator knows, by name. {@link #installed()} finds every metric on the class path through
 * {@link ServiceLoader} ({@code META-INF/services/dev.railguard.api.GuardrailMetric}); {@link #of} takes them
 * explicitly. Immutable.
 */
public final class MetricRegistry {

    private final Map<String, GuardrailMetric> metrics;

    private MetricRegistry(Map<String, GuardrailMetric> metrics) {
        this.metrics = metrics;
    }

    /**
     * The metrics found on the class path.
     *
     * @throws IllegalArgumentException if two of them have the same name
     */
    public static MetricRegistry installed() {
        return installed(Thread.currentThread().getContextClassLoader());
    }

    /** The metrics found by {@code classLoader}. */
    public static MetricRegistry installed(ClassLoader classLoader) {
        Map<String, GuardrailMetric> found = new LinkedHashMap<>();
        for (GuardrailMetric m : ServiceLoader.load(GuardrailMetric.class, classLoader)) {
            put(found, m);
        }
        if (found.isEmpty() && classLoader != MetricRegistry.class.getClassLoader()) {
            for (GuardrailMetric m : ServiceLoader.load(GuardrailMetric.class, MetricRegistry.class.getClassLoader())) {
                put(found, m);
            }
        }
        return new MetricRegistry(found);
    }

    /**
     * A registry of exactly {@code metrics}.
     *
     * @throws IllegalArgumentException if two have the same name
     */
    public static MetricRegistry of(GuardrailMetric... metrics) {
        return of(List.of(metrics));
    }

    /** A registry of exactly {@code metrics}. */
    public static MetricRegistry of(Collection<? extends GuardrailMetric> metrics) {
        Map<String, GuardrailMetric> map = new LinkedHashMap<>();
        for (GuardrailMetric m : metrics) {
            put(map, m);
        }
        return new MetricRegistry(map);
    }

    /**
     * This registry plus {@code more}.
     *
     * @throws IllegalArgumentException if a name is already registered
     */
    public MetricRegistry with(GuardrailMetric... more) {
        Map<String, GuardrailMetric> map = new LinkedHashMap<>(metrics);
        for (GuardrailMetric m : more) {
            put(map, m);
        }
        return new MetricRegistry(map);
    }

    private static void put(Map<String, GuardrailMetric> map, GuardrailMetric metric) {
        Objects.requireNonNull(metric, "metric must not be null");
        String name = metric.name();
        if (name == null || !name.matches("[a-z][a-z0-9_]{0,63}")) {
            throw new IllegalArgumentException("metric name must be a snake_case id of at most 64 characters"
                    + " ([a-z][a-z0-9_]*), but " + metric.getClass().getName() + " has name: "
                    + (name == null ? "null" : "'" + name + "'"));
        }
        if (metric.requires() == null) {
            throw new IllegalArgumentException("requires() of metric '" + name + "' (" + metric.getClass().getName()
                    + ") must be a set of input requirements (empty for none), but was: null");
        }
        Thresholds.check(metric.defaultThreshold(), "defaultThreshold of metric '" + name + "'");
        GuardrailMetric previous = map.putIfAbsent(name, metric);
        if (previous != null) {
            throw new IllegalArgumentException("metric name '" + name + "' is registered twice: by "
                    + previous.getClass().getName() + " and by " + metric.getClass().getName());
        }
    }

    /** The metric named {@code name}. */
    public Optional<GuardrailMetric> find(String name) {
        return Optional.ofNullable(metrics.get(name));
    }

    /**
     * The metric named {@code name}.
     *
     * @throws IllegalArgumentException naming the known metrics if there is none
     */
    public GuardrailMetric require(String name) {
        GuardrailMetric m = metrics.get(name);
        if (m == null) {
            throw new IllegalArgumentException("metrics contains unknown metric '" + name + "'; known metrics are "
                    + names());
        }
        return m;
    }

    /** The registered names, sorted. */
    public Set<String> names() {
        return new TreeSet<>(metrics.keySet());
    }

    /** The registered metrics, in registration order. */
    public Collection<GuardrailMetric> all() {
        return List.copyOf(metrics.values());
    }

    @Override
    public String toString() {
        return "MetricRegistry" + names();
    }
}
