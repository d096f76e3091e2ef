package dev.railguard.spring;

import dev.railguard.config.RailguardProject;
import dev.railguard.engine.EvaluationObserver;
import dev.railguard.engine.JudgePanel;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.spring.internal.ChatModelBeans;
import dev.railguard.spring.internal.EvaluatorProperties;
import dev.railguard.spring.internal.EventBeans;
import dev.railguard.spring.internal.JudgeHealth;
import dev.railguard.spring.internal.JudgePanels;
import dev.railguard.spring.internal.ProjectFiles;
import dev.railguard.telemetry.MicrometerObserver;
import dev.railguard.telemetry.OpenTelemetryObserver;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Railguard in a Spring Boot application: the {@link JudgePanel} and the {@link RailguardEvaluator} from
 * {@code railguard.*} or from the project file {@code railguard.config} names (then a {@link RailguardProject} bean), the Micrometer observer on the application's {@link MeterRegistry}, the OpenTelemetry
 * observer when an {@link OpenTelemetry} bean exists, and a {@code Monitor} / {@code Workflow} bean per
 * {@code railguard.monitors.<name>} / {@code railguard.workflows.<name>}. Every bean backs off when the application
 * defines its own of the same type; {@code railguard.enabled=false} turns it all off.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
        "org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration",
        "org.springframework.ai.model.openai.autoconfigure.OpenAiChatAutoConfiguration"})
@ConditionalOnProperty(prefix = "railguard", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(RailguardProperties.class)
@Import(EventBeans.class)
public class RailguardAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ChatModelBeans railguardChatModels(ListableBeanFactory beans) {
        return new ChatModelBeans(beans);
    }

    /** The project file of {@code railguard.config}; a missing or bad file fails the start naming the property. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "railguard", name = "config")
    public RailguardProject railguardProject(RailguardProperties properties) {
        return ProjectFiles.load(properties.getConfig());
    }

    /**
     * The judges: those the project file declares; else see {@code railguard.judges}, {@code railguard.judge.*}, else
     * the application's only chat model.
     */
    @Bean
    @ConditionalOnMissingBean
    public JudgePanel railguardJudgePanel(RailguardProperties properties, ObjectProvider<RailguardProject> project,
            ListableBeanFactory beans) {
        RailguardProject file = project.getIfAvailable();
        if (file != null && file.declaresJudges()) {
            return file.panel().orElseThrow();
        }
        return JudgePanels.from(properties, beans.getBean(ChatModelBeans.class));
    }

    @Bean
    @ConditionalOnMissingBean
    JudgeHealth railguardJudgeHealth() {
        return new JudgeHealth();
    }

    /**
     * The evaluator, closed with the context; every {@link EvaluationObserver} bean hears it. With
     * {@code railguard.config} it is the project file's (metrics, self-judging, cache directory) with the
     * {@link JudgePanel} bean as its judges, and {@code railguard.*} adds only what the file has no key for.
     */
    @Bean
    @ConditionalOnMissingBean
    public RailguardEvaluator railguardEvaluator(RailguardProperties properties, ObjectProvider<RailguardProject> project,
            JudgePanel panel, ObjectProvider<EvaluationObserver> observers) {
        RailguardProject file = project.getIfAvailable();
        RailguardEvaluator.Builder b = file == null ? RailguardEvaluator.builder() : file.evaluatorBuilder();
        b.judges(panel);
        observers.orderedStream().forEach(b::observer);
        return file == null ? EvaluatorProperties.apply(properties, b).build()
                : EvaluatorProperties.applyBeyondProjectFile(properties, b).build();
    }

    /** Meters on the application's registry, so they show in {@code /actuator/metrics} and {@code /actuator/prometheus}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    @ConditionalOnBean(MeterRegistry.class)
    static class Micrometer {
        @Bean
        @ConditionalOnMissingBean
        MicrometerObserver railguardMicrometerObserver(MeterRegistry registry) {
            return MicrometerObserver.create(registry);
        }
    }

    /** Spans and {@code gen_ai.evaluation.result} events through the application's OpenTelemetry. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(OpenTelemetry.class)
    @ConditionalOnBean(OpenTelemetry.class)
    static class Tracing {
        @Bean
        @ConditionalOnMissingBean
        OpenTelemetryObserver railguardOpenTelemetryObserver(OpenTelemetry openTelemetry) {
            return OpenTelemetryObserver.create(openTelemetry);
        }
    }
}
