package dev.railguard.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.RateLimitException;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.ModelInput;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.event.EventInput;
import dev.railguard.monitor.Monitor;
import dev.railguard.testkit.ScriptedChatModel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

/** The {@code railguard} endpoint and health contributor. */
class ActuatorTest {

    static final AtomicReference<Function<String, String>> JUDGE = new AtomicReference<>();

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RailguardAutoConfiguration.class, RailguardActuatorAutoConfiguration.class))
            .withBean("judgeModel", ScriptedChatModel.class,
                    () -> ScriptedChatModel.answering(r -> JUDGE.get().apply(ScriptedChatModel.userText(r))))
            .withPropertyValues("management.endpoints.web.exposure.include=railguard", "railguard.limits.max-call-attempts=1");

    static void evaluate(RailguardEvaluator evaluator) {
        evaluator.evaluate(EvaluationRequest.builder().modelInput(ModelInput.ofUserPrompt(Judging.QUESTION))
                .modelOutput(Judging.RIGHT).metrics("correctness").build());
    }

    static Health health(ApplicationContext context) {
        return context.getBean("railguardHealthIndicator", HealthIndicator.class).health(true);
    }

    @Test
    void health_is_up_before_any_call_without_calling_the_judge() {
        JUDGE.set(text -> {
            throw new AssertionError("the health check called the judge");
        });
        runner.run(context -> {
            Health health = health(context);
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails().get("judges")).isEqualTo(Map.of("judgeModel",
                    Map.of("model", "judgeModel", "lastCall", "none yet")));
        });
    }

    @Test
    void a_judge_refusing_its_key_is_down_until_a_call_succeeds() {
        JUDGE.set(text -> {
            throw new AuthenticationException("Incorrect API key provided: sk-abc...xyz");
        });
        runner.run(context -> {
            RailguardEvaluator evaluator = context.getBean(RailguardEvaluator.class);
            evaluate(evaluator);
            Health down = health(context);
            assertThat(down.getStatus()).isEqualTo(Status.DOWN);
            assertThat(down.getDetails().toString()).contains("error=unauthorized")
                    .contains("the judge refused the credentials (401/403): check the API key");
            JUDGE.set(Judging::reply);
            evaluate(evaluator);
            assertThat(health(context).getStatus()).isEqualTo(Status.UP);
        });
    }

    @Test
    void a_judge_answering_html_is_down_naming_the_base_url() {
        JUDGE.set(text -> {
            throw new HttpException(404, "<!DOCTYPE html><html><body>Welcome to nginx!</body></html>");
        });
        runner.run(context -> {
            evaluate(context.getBean(RailguardEvaluator.class));
            Health down = health(context);
            assertThat(down.getStatus()).isEqualTo(Status.DOWN);
            assertThat(down.getDetails().toString()).contains("error=html_page")
                    .contains("the judge answered with an HTML page, not a chat completion: check the base URL");
        });
    }

    @Test
    void a_rate_limited_judge_is_not_down() {
        JUDGE.set(text -> {
            throw new RateLimitException("slow down");
        });
        runner.run(context -> {
            evaluate(context.getBean(RailguardEvaluator.class));
            Health health = health(context);
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails().toString()).contains("error=rate_limited");
        });
    }

    @Test
    void the_endpoint_shows_monitor_counts_pass_rates_and_recent_failures_without_outputs() {
        JUDGE.set(Judging::reply);
        runner.withPropertyValues("railguard.monitors.support-bot.metrics=correctness").run(context -> {
            Monitor monitor = context.getBean("support-bot", Monitor.class);
            monitor.submit(EventInput.of(ModelInput.ofUserPrompt(Judging.QUESTION), Judging.RIGHT));
            monitor.submit(EventInput.of(ModelInput.ofUserPrompt(Judging.QUESTION), Judging.WRONG));
            assertThat(monitor.awaitIdle(Duration.ofSeconds(20))).isTrue();
            Map<String, Object> report = context.getBean(RailguardEndpoint.class).report();
            @SuppressWarnings("unchecked")
            Map<String, Object> bot = (Map<String, Object>) ((Map<String, Object>) report.get("monitors")).get("support-bot");
            assertThat(bot.get("metrics")).isEqualTo(List.of("correctness"));
            assertThat((Map<String, Object>) bot.get("counts")).containsEntry("total", 2L).containsEntry("completed", 2L);
            assertThat(bot.get("passRates")).isEqualTo(Map.of("correctness", 0.5));
            assertThat(bot.get("recentFailures").toString()).contains("failingMetrics={correctness=fail 0.")
                    .doesNotContain("80 million");
            assertThat(report.get("judges").toString()).contains("attempts=2");
        });
    }

    @Test
    void the_endpoint_backs_off_when_not_exposed() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(RailguardAutoConfiguration.class, RailguardActuatorAutoConfiguration.class))
                .run(context -> assertThat(context).doesNotHaveBean(RailguardEndpoint.class)
                        .hasBean("railguardHealthIndicator"));
    }
}
