package dev.railguard.spring;

import dev.railguard.spring.internal.EvaluatorProperties;
import dev.railguard.spring.internal.PropertyChecks;
import dev.railguard.workflow.Workflow;
import java.util.List;
import org.springframework.ai.chat.client.advisor.api.CallAdvisor;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The guard advisor as a bean when {@code railguard.advisor.workflow} names a workflow of {@code railguard.workflows}:
 * add it to a {@code ChatClient} with {@code .defaultAdvisors(advisor)}. Applies when Spring AI's {@code ChatClient} is on
 * the class path; backs off when the application defines its own {@link RailguardGuardAdvisor}.
 */
@AutoConfiguration(after = RailguardAutoConfiguration.class)
@ConditionalOnClass(CallAdvisor.class)
@ConditionalOnProperty(prefix = "railguard", name = "enabled", havingValue = "true", matchIfMissing = true)
public class RailguardSpringAiAutoConfiguration {

    /** The advisor running the workflow {@code railguard.advisor.workflow} in {@code railguard.run-mode}. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "railguard.advisor", name = "workflow")
    public RailguardGuardAdvisor railguardGuardAdvisor(RailguardProperties properties, ListableBeanFactory beans) {
        String name = properties.getAdvisor().getWorkflow();
        if (!beans.containsBean(name) || !beans.isTypeMatch(name, Workflow.class)) {
            throw PropertyChecks.invalid("railguard.advisor.workflow", name, "must name a workflow of"
                    + " railguard.workflows; workflows: " + List.of(beans.getBeanNamesForType(Workflow.class)));
        }
        return RailguardGuardAdvisor.of(beans.getBean(name, Workflow.class)).withRunMode(EvaluatorProperties.runMode(properties));
    }
}
