package dev.railguard.spring;

import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.spring.internal.JudgeHealth;
import dev.railguard.spring.internal.JudgeHealthIndicator;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code railguard} Actuator endpoint and health contributor, when Actuator is on the class path and the
 * evaluator is the one the starter built or the application's.
 */
@AutoConfiguration(after = RailguardAutoConfiguration.class)
@ConditionalOnBean(RailguardEvaluator.class)
public class RailguardActuatorAutoConfiguration {

    /** The endpoint, when exposed ({@code management.endpoints.web.exposure.include=railguard}). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Endpoint.class)
    static class EndpointConfiguration {
        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnAvailableEndpoint
        RailguardEndpoint railguardEndpoint(RailguardEvaluator evaluator, ListableBeanFactory beans) {
            return new RailguardEndpoint(evaluator, beans);
        }
    }

    /** The health contributor {@code railguard}: DOWN for a judge refusing its key or answering HTML. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    @ConditionalOnBean(JudgeHealth.class)
    static class HealthConfiguration {
        @Bean(name = "railguardHealthIndicator")
        @ConditionalOnMissingBean(name = "railguardHealthIndicator")
        @ConditionalOnEnabledHealthIndicator("railguard")
        HealthIndicator railguardHealthIndicator(RailguardEvaluator evaluator, JudgeHealth health) {
            return new JudgeHealthIndicator(evaluator, health);
        }
    }
}
