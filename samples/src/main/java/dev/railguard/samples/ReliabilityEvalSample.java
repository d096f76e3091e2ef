package dev.railguard.samples;

import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.Result;
import dev.railguard.evals.ArgumentMatcher;
import dev.railguard.evals.EvalRun;
import dev.railguard.evals.ReliabilityEval;
import dev.railguard.evals.ReliabilityResult;
import dev.railguard.testkit.ScriptedChatModel;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * Reliability eval, offline: a LangChain4j AI service with two {@code @Tool} methods over a scripted model that calls
 * multiply and then exponentiate; the eval checks the executions in {@code Result.toolExecutions()}: exact order,
 * arguments (10 matches 10.0), and that each tool ran once. Point it at a real model to test what the model does.
 */
public final class ReliabilityEvalSample {

    private ReliabilityEvalSample() {}

    /** The calculator's tools. */
    public static final class Calculator {
        /** a * b. */
        @Tool("Multiplies two whole numbers")
        public long multiply(long a, long b) {
            return a * b;
        }

        /** base ^ exponent. */
        @Tool("Raises base to the power exponent")
        public double exponentiate(double base, double exponent) {
            return Math.pow(base, exponent);
        }
    }

    /** The AI service under test. */
    interface CalculatorAgent {
        Result<String> ask(String question);
    }

    /** A model that calls multiply, then exponentiate, then answers: what a good model would do. */
    static ChatModel scriptedModel() {
        return ScriptedChatModel.responding(request -> {
            long toolResults = request.messages().stream().filter(m -> m instanceof ToolExecutionResultMessage).count();
            if (toolResults == 0) {
                return call("multiply", "{\"a\": 10, \"b\": 5}");
            }
            if (toolResults == 1) {
                return call("exponentiate", "{\"base\": 50, \"exponent\": 2}");
            }
            return ChatResponse.builder().aiMessage(AiMessage.from("10 * 5 = 50 and 50^2 = 2500.")).build();
        });
    }

    private static ChatResponse call(String tool, String arguments) {
        return ChatResponse.builder().aiMessage(AiMessage.from(List.of(ToolExecutionRequest.builder()
                .id("call_" + tool).name(tool).arguments(arguments).build()))).build();
    }

    /** Runs the sample against {@code model}. */
    static EvalRun run(ChatModel model, PrintStream out) {
        CalculatorAgent agent = AiServices.builder(CalculatorAgent.class).chatModel(model).tools(new Calculator())
                .build();
        Result<String> result = agent.ask("What is 10 * 5, then to the power of 2?");
        EvalRun run = ReliabilityEval.builder()
                .name("calculator-tools")
                .expectedToolCalls("multiply", "exponentiate")
                .order(ReliabilityEval.Order.EXACT)
                .count("multiply", 1, 1)
                .arguments("multiply", Map.of("a", 10.0, "b", 5))
                .arguments("exponentiate", Map.of("base", ArgumentMatcher.matching("50", v -> ((Number) v).intValue() == 50)))
                .build()
                .evaluate(result);
        ReliabilityResult r = (ReliabilityResult) run.evalData();
        out.println("reliability " + r.evalStatus() + ": passed " + r.passedToolCalls() + ", failed "
                + r.failedToolCalls() + ", missing " + r.missingToolCalls() + ", failed arguments "
                + r.failedArgumentChecks() + ", constraints " + r.failedConstraints());
        out.println(run.toJson());
        return run;
    }

    /** Runs the sample offline with the scripted model. */
    public static void main(String... args) {
        run(scriptedModel(), System.out);
    }
}
