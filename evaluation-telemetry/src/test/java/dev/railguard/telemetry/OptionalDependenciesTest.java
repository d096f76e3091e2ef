package dev.railguard.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * "Optional means optional": each probe runs in a class loader whose class path is this test's minus a library's
 * jars, so a class that needed the missing library would fail there with {@code NoClassDefFoundError}.
 */
class OptionalDependenciesTest {

    /** A class loader over the test class path without the entries whose path contains {@code without}. */
    private static URLClassLoader classPathWithout(String... without) throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String normalized = entry.replace('\\', '/');
            boolean drop = false;
            for (String w : without) {
                drop |= normalized.contains(w);
            }
            if (!drop) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    @SuppressWarnings("unchecked")
    private static String run(ClassLoader loader, String probe) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(loader); // ServiceLoader lookups (OpenTelemetry's context storage) use it
        try {
            Class<?> c = Class.forName("dev.railguard.telemetry.Probes$" + probe, true, loader);
            return ((Supplier<String>) c.getDeclaredConstructor().newInstance()).get();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    @Test
    void micrometer_observer_and_the_engine_work_without_opentelemetry_on_the_class_path() throws Exception {
        try (URLClassLoader loader = classPathWithout("/io/opentelemetry/")) {
            assertThat(run(loader, "WithoutOpenTelemetry")).isEqualTo("opentelemetry absent; evaluations 1.0");
        }
    }

    @Test
    void opentelemetry_observer_and_the_engine_work_without_micrometer_on_the_class_path() throws Exception {
        try (URLClassLoader loader = classPathWithout("/io/micrometer/")) {
            assertThat(run(loader, "WithoutMicrometer")).isEqualTo("micrometer absent; events 1");
        }
    }

    @Test
    void the_engine_and_the_plain_telemetry_classes_load_with_neither_library() throws Exception {
        try (URLClassLoader loader = classPathWithout("/io/opentelemetry/", "/io/micrometer/")) {
            assertThat(run(loader, "WithNeither")).startsWith("neither present; loaded ");
        }
    }
}
