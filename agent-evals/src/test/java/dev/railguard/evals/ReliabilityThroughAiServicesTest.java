package dev.railguard.evals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.Result;
import dev.railguard.testkit.StubOpenAiServer;
import dev.railguard.testkit.StubReply;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Result.toolExecutions() of a real AiServices interface with @Tool methods, run against the stub server. */
class ReliabilityThroughAiServicesTest {

    /** The calculator's tools. */
    static class Calculator {
        final AtomicInteger calls = new AtomicInteger();

        @Tool("Multiplies two whole numbers")
        public long multiply(long a, long b) {
            calls.incrementAndGet();
            return a * b;
        }

        @Tool("Raises base to the power exponent")
        public double exponentiate(double base, double exponent) {
            calls.incrementAndGet();
            return Math.pow(base, exponent);
        }

        @Tool("Divides a by b")
        public double divide(double a, double b) {
            calls.incrementAndGet();
            if (b == 0) {
                throw new ArithmeticException("division by zero");
            }
            return a / b;
        }
    }

    /** The AI service. */
    interface CalculatorAgent {
        Result<String> ask(@dev.langchain4j.service.UserMessage String question);
    }

    private StubOpenAiServer server;
    private Calculator calculator;
    private CalculatorAgent agent;
    private volatile String[] toolCalls;

    @BeforeEach
    void start() {
        server = StubOpenAiServer.start(r -> r.messages("tool").isEmpty()
                ? StubReply.toolCalls(toolCalls) : StubReply.content("The answer is 2500."));
        OpenAiChatModel model = StubJudge.model(server, "gpt-4o-mini");
        calculator = new Calculator();
        agent = AiServices.builder(CalculatorAgent.class).chatModel(model).tools(calculator).build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void tool_executions_of_an_ai_service_result_pass_with_arguments_and_exact_order() {
        toolCalls = new String[] {"multiply", "{\"a\":10,\"b\":5}", "exponentiate", "{\"base\":50,\"exponent\":2}"};
        Result<String> result = agent.ask("What is 10 * 5 to the power of 2?");
        assertThat(calculator.calls.get()).isEqualTo(2);
        EvalRun run = ReliabilityEval.builder().expectedToolCalls("multiply", "exponentiate")
                .order(ReliabilityEval.Order.EXACT)
                .arguments("multiply", Map.of("a", 10.0, "b", 5))
                .arguments("exponentiate", Map.of("exponent", ArgumentMatcher.regex("2(\\.0)?")))
                .build().evaluate(result);
        ReliabilityResult r = (ReliabilityResult) run.evalData();
        r.assertPassed();
        assertThat(r.passedToolCalls()).containsExactly("multiply", "exponentiate");
        assertThat(r.passedArgumentChecks()).containsExactly("multiply", "exponentiate");
        assertThat(ToolCall.fromResult(result)).extracting(ToolCall::arguments)
                .containsExactly(Map.of("a", 10, "b", 5), Map.of("base", 50, "exponent", 2));
    }

    @Test
    void a_tool_that_throws_has_failed_and_does_not_count_as_made() {
        toolCalls = new String[] {"divide", "{\"a\":1,\"b\":0}"};
        Result<String> result = agent.ask("What is 1 / 0?");
        assertThat(result.toolExecutions()).singleElement().satisfies(te -> assertThat(te.hasFailed()).isTrue());
        ReliabilityResult r = (ReliabilityResult) ReliabilityEval.builder().expectedToolCalls("divide").build()
                .evaluate(result).evalData();
        assertThat(r.evalStatus()).isEqualTo(EvalStatus.FAILED);
        assertThat(r.missingToolCalls()).containsExactly("divide (executed but failed)");
    }

    @Test
    void a_subject_built_from_the_ai_service_runs_through_an_eval_run_request() {
        toolCalls = new String[] {"multiply", "{\"a\":10,\"b\":5}", "divide", "{\"a\":50,\"b\":2}"};
        Subject subject = Subject.aiService("calculator", "gpt-4o-mini", agent::ask);
        EvalRunRequest request = EvalRunRequest.fromJson("""
                {"eval_type": "reliability", "input": "10*5 then halve it", "expected_tool_calls": ["multiply"],
                 "agent_id": "calculator", "name": "calc-tools"}""");
        try (StubJudge unused = new StubJudge(r -> StubReply.status(500))) {
            EvalRun strict = AgentEvals.using(unused.evaluator).run(request, subject);
            assertThat(strict.status()).isEqualTo(EvalStatus.FAILED);
            assertThat(((ReliabilityResult) strict.evalData()).failedToolCalls()).containsExactly("divide");
            assertThat(strict.modelId()).isEqualTo("gpt-4o-mini");
            assertThat(strict.name()).isEqualTo("calc-tools");
            EvalRunRequest lenient = EvalRunRequest.fromJson("""
                    {"eval_type": "reliability", "input": "10*5 then halve it", "expected_tool_calls": ["multiply"],
                     "allow_additional_tool_calls": true}""");
            EvalRun passed = AgentEvals.using(unused.evaluator).run(lenient, subject);
            assertThat(passed.passed()).isTrue();
            assertThat(((ReliabilityResult) passed.evalData()).additionalToolCalls()).containsExactly("divide");
            assertThat(unused.server.requestCount()).isZero();
        }
        assertThat(List.of(server.requestCount())).containsExactly(4);
    }
}
