package dev.railguard.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The modules of ARCHITECTURE.md, by the packages they hold, and the arrows between them. A new module adds itself here
 * with its packages and the modules it may use; the rules in {@link ArchitectureTest} then hold it.
 */
enum Modules {
    API("evaluation-api", List.of("dev.railguard.api")),
    FORMATS("evaluation-formats", List.of("dev.railguard.format"), API),
    TESTKIT("evaluation-testkit", List.of("dev.railguard.testkit"), FORMATS, API),
    ENGINE("evaluation-engine", List.of("dev.railguard.engine"), FORMATS, API),
    METRICS("guardrail-metrics", List.of("dev.railguard.metrics"), FORMATS, ENGINE, API),
    EMBEDDINGS("guardrail-embeddings", List.of("dev.railguard.embeddings"), METRICS, ENGINE, API),
    EVALS("agent-evals", List.of("dev.railguard.evals"), FORMATS, ENGINE, API),
    WORKFLOWS("guardrail-workflows", List.of("dev.railguard.workflow", "dev.railguard.monitor", "dev.railguard.event",
            "dev.railguard.deeprails"), FORMATS, METRICS, ENGINE, API),
    BATCH("evaluation-batch", List.of("dev.railguard.batch", "dev.railguard.report"), FORMATS, ENGINE, API),
    CONFIG("judge-config", List.of("dev.railguard.config"), FORMATS, BATCH, METRICS, ENGINE, API),
    JUNIT("evaluation-junit", List.of("dev.railguard.junit"), CONFIG, BATCH, METRICS, ENGINE, API),
    META_EVAL("judge-meta-eval", List.of("dev.railguard.metaeval"), FORMATS, BATCH, METRICS, ENGINE, API),
    SPARK("evaluation-spark", List.of("dev.railguard.spark"), FORMATS, BATCH, CONFIG, METRICS, ENGINE, API),
    STORE("event-store", List.of("dev.railguard.store"), FORMATS, WORKFLOWS, API),
    CLI("evaluation-cli", List.of("dev.railguard.cli", "dev.railguard.diff"), FORMATS, META_EVAL, BATCH, EVALS, CONFIG,
            METRICS, STORE, ENGINE, API),
    TELEMETRY("evaluation-telemetry", List.of("dev.railguard.telemetry"), WORKFLOWS, ENGINE, API),
    SPRING("railguard-spring-boot-starter", List.of("dev.railguard.spring"), CONFIG, WORKFLOWS, TELEMETRY, METRICS, ENGINE,
            API);

    final String artifact;
    final List<String> packages;
    final Set<Modules> uses;

    Modules(String artifact, List<String> packages, Modules... uses) {
        this.artifact = artifact;
        this.packages = packages;
        this.uses = Set.of(uses);
    }

    /** The module that holds {@code c}, or {@code null} for a class of no module (samples, benchmarks, tests). */
    static Modules of(JavaClass c) {
        for (Modules m : values()) {
            for (String p : m.packages) {
                if (c.getPackageName().equals(p) || c.getPackageName().startsWith(p + ".")) {
                    return m;
                }
            }
        }
        return null;
    }

    /** ArchUnit package patterns of this module's packages and their sub-packages. */
    String[] patterns() {
        return packages.stream().map(p -> p + "..").toArray(String[]::new);
    }

    /** ArchUnit package patterns of this module's internal packages. */
    String[] internalPatterns() {
        return packages.stream().map(p -> p + ".internal..").toArray(String[]::new);
    }

    /** Patterns of what this module's classes may use of Railguard: itself and the modules it uses. */
    String[] allowedPatterns() {
        return java.util.stream.Stream.concat(Arrays.stream(patterns()),
                uses.stream().flatMap(m -> Arrays.stream(m.patterns()))).toArray(String[]::new);
    }
}
