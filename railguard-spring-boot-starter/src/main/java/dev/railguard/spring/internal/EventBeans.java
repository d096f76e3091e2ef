package dev.railguard.spring.internal;

import dev.langchain4j.model.chat.ChatModel;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.event.EventObserver;
import dev.railguard.event.EventRecorder;
import dev.railguard.monitor.Monitor;
import dev.railguard.spring.MonitorProperties;
import dev.railguard.spring.RailguardProperties;
import dev.railguard.spring.WorkflowProperties;
import dev.railguard.workflow.ImprovementAction;
import dev.railguard.workflow.Tolerance;
import dev.railguard.workflow.Workflow;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Registers a {@link Monitor} bean per {@code railguard.monitors.<name>} and a {@link Workflow} bean per
 * {@code railguard.workflows.<name>}, each named {@code <name>} (inject it with {@code @Qualifier("<name>")}), built on
 * the application's {@link RailguardEvaluator} with the application's observers and, when the application has one
 * {@link EventRecorder} bean (the event store's {@code recorder()}), that recorder. Spring closes them on shutdown: a
 * monitor finishes its queued events, a workflow cancels the events still running (recorded as canceled). An event
 * accepted but never finished (the process died) stays with the recorder; with a stable {@code id} and
 * {@code resume-on-start=true} the next start runs it again.
 */
public final class EventBeans implements ImportBeanDefinitionRegistrar, EnvironmentAware, BeanFactoryAware {

    private Environment environment;
    private ListableBeanFactory beans;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beans = (ListableBeanFactory) beanFactory;
    }

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
        Binder binder = Binder.get(environment);
        binder.bind("railguard.monitors", Bindable.mapOf(String.class, MonitorProperties.class)).orElse(Map.of())
                .forEach((name, props) -> register(registry, name, Monitor.class, () -> monitor(name, props)));
        binder.bind("railguard.workflows", Bindable.mapOf(String.class, WorkflowProperties.class)).orElse(Map.of())
                .forEach((name, props) -> register(registry, name, Workflow.class, () -> workflow(name, props)));
    }

    private static <T> void register(BeanDefinitionRegistry registry, String name, Class<T> type,
            Supplier<T> supplier) {
        RootBeanDefinition definition = new RootBeanDefinition(type, supplier);
        definition.setDestroyMethodName(AbstractBeanDefinition.INFER_METHOD);
        registry.registerBeanDefinition(name, definition);
    }

    private Monitor monitor(String name, MonitorProperties p) {
        String prefix = "railguard.monitors." + name;
        RailguardEvaluator evaluator = beans.getBean(RailguardEvaluator.class);
        PropertyChecks.known(prefix + ".metrics", p.getMetrics(), evaluator.metricNames(), "metric");
        Monitor.Builder b = Monitor.builder().name(name).evaluator(evaluator)
                .metrics(p.getMetrics().toArray(String[]::new)).observer(observers());
        if (p.getDescription() != null) {
            b.description(p.getDescription());
        }
        PropertyChecks.set(prefix + ".queue-capacity", p.getQueueCapacity(), b::queueCapacity);
        PropertyChecks.set(prefix + ".retained-events", p.getRetainedEvents(), b::retainedEvents);
        if (p.getId() != null) {
            PropertyChecks.parse(prefix + ".id", p.getId(), b::id);
        }
        EventRecorder recorder = recorder(prefix, p.isResumeOnStart());
        if (recorder != null) {
            b.recorder(recorder);
        }
        Monitor monitor = b.build();
        if (p.isResumeOnStart()) {
            monitor.resume();
        }
        return monitor;
    }

    private Workflow workflow(String name, WorkflowProperties p) {
        String prefix = "railguard.workflows." + name;
        RailguardEvaluator evaluator = beans.getBean(RailguardEvaluator.class);
        Set<String> known = evaluator.metricNames();
        PropertyChecks.known(prefix + ".metrics", p.getMetrics(), known, "metric");
        for (String m : p.getThresholds().keySet()) {
            if (!p.getMetrics().contains(m)) {
                throw PropertyChecks.invalid(prefix + ".thresholds." + m, p.getThresholds().get(m),
                        "names a metric that is not among " + prefix + ".metrics " + p.getMetrics());
            }
        }
        Map<String, Double> defaults = EvaluatorProperties.thresholds(beans.getBean(RailguardProperties.class));
        Tolerance tolerance = PropertyChecks.parse(prefix + ".tolerance", p.getTolerance(), Tolerance::fromWireName);
        ImprovementAction action = PropertyChecks.parse(prefix + ".improvement-action", p.getImprovementAction(),
                ImprovementAction::fromWireName);
        Workflow.Builder b = Workflow.builder().name(name).evaluator(evaluator).improvementAction(action)
                .observer(observers()).allowJudgeAsGenerator(p.isAllowJudgeAsGenerator());
        for (String m : p.getMetrics()) {
            Double t = p.getThresholds().getOrDefault(m, defaults.get(m));
            if (t != null) {
                b.metric(m, PropertyChecks.threshold(prefix + ".thresholds." + m, t));
            } else {
                b.metric(m, tolerance);
            }
        }
        if (p.getDescription() != null) {
            b.description(p.getDescription());
        }
        PropertyChecks.set(prefix + ".max-improvement-attempts", p.getMaxImprovementAttempts(),
                b::maxImprovementAttempts);
        if (action != ImprovementAction.DO_NOTHING) {
            b.generator(generator(prefix + ".generator", p.getGenerator()));
        }
        if (p.getId() != null) {
            PropertyChecks.parse(prefix + ".id", p.getId(), b::id);
        }
        EventRecorder recorder = recorder(prefix, p.isResumeOnStart());
        if (recorder != null) {
            b.recorder(recorder);
        }
        Workflow workflow;
        try {
            workflow = b.build();
        } catch (IllegalArgumentException e) {
            throw PropertyChecks.invalid(prefix, name, e.getMessage());
        }
        if (p.isResumeOnStart()) {
            workflow.resume();
        }
        return workflow;
    }

    /** The application's one event recorder, or null; {@code resume-on-start} without one fails the start. */
    private EventRecorder recorder(String prefix, boolean resumeOnStart) {
        EventRecorder recorder = beans.getBeanProvider(EventRecorder.class).getIfUnique();
        if (resumeOnStart && recorder == null) {
            throw PropertyChecks.invalid(prefix + ".resume-on-start", true, "needs one EventRecorder bean (the event"
                    + " store's recorder()) to resume from; EventRecorder beans: "
                    + List.of(beans.getBeanNamesForType(EventRecorder.class)));
        }
        return recorder;
    }

    private ChatModel generator(String property, String bean) {
        ChatModelBeans models = beans.getBean(ChatModelBeans.class);
        if (bean != null && !bean.isBlank()) {
            return models.named(property, bean);
        }
        return models.only().map(Map.Entry::getValue).orElseThrow(() -> PropertyChecks.invalid(property, null,
                "must name the ChatModel bean that repairs answers (fixit and regen need a generator); ChatModel beans: "
                        + models.all().keySet()));
    }

    /** The application's observers of monitor and workflow events (the telemetry observers are ones). */
    private EventObserver[] observers() {
        return beans.getBeanProvider(EventObserver.class).orderedStream().toArray(EventObserver[]::new);
    }
}
