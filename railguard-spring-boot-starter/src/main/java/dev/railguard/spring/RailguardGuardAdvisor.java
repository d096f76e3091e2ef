package dev.railguard.spring;

import dev.railguard.api.RunMode;
import dev.railguard.event.EventInput;
import dev.railguard.spring.internal.GuardedAnswers;
import dev.railguard.workflow.OutputFilteredException;
import dev.railguard.workflow.Workflow;
import dev.railguard.workflow.WorkflowEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.api.CallAdvisor;
import org.springframework.ai.chat.client.advisor.api.CallAdvisorChain;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisor;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisorChain;
import org.springframework.core.Ordered;
import reactor.adapter.JdkFlowAdapter;
import reactor.core.publisher.Flux;

/**
 * A Spring AI advisor that runs a Railguard {@link Workflow} on the model's answer before the {@code ChatClient}
 * returns it, as {@code Workflow.outputGuardrail()} does for LangChain4j:
 *
 * <pre>{@code
 * ChatClient client = ChatClient.builder(chatModel)
 *     .defaultAdvisors(RailguardGuardAdvisor.of(workflow))
 *     .build();
 * String answer = client.prompt().user(question).call().content();   // judged, repaired, or RailguardBlockedException
 * }</pre>
 *
 * <p>The answer is judged against the prompt's system text and last user message on the workflow's metrics. A passing
 * answer goes through unchanged; a failing one is improved as the workflow says ({@code fixit} asks the workflow's
 * generator for a repair of only what failed, {@code regen} generates again) and the improved text replaces the answer;
 * an answer that is flagged ({@code do_nothing}), not improved within the attempts, or could not be judged raises a
 * {@link RailguardBlockedException} naming the failing metrics. {@code call()} blocks for the workflow. In
 * {@code stream()} the model's stream is gathered, judged, and the workflow's final text is streamed as token-sized
 * chunks ({@code Workflow.submitAndStream}); a block is signalled as the stream's error. Every event is counted in the
 * workflow's statistics, its observers and the {@code railguard} Actuator endpoint.
 */
public final class RailguardGuardAdvisor implements CallAdvisor, StreamAdvisor {

    /** The default order: after the advisors that shape the prompt (memory, retrieval), next to the model. */
    public static final int DEFAULT_ORDER = Ordered.LOWEST_PRECEDENCE - 1000;

    private final Workflow workflow;
    private final RunMode runMode;
    private final int order;

    private RailguardGuardAdvisor(Workflow workflow, RunMode runMode, int order) {
        this.workflow = Objects.requireNonNull(workflow, "workflow must not be null");
        this.runMode = Objects.requireNonNull(runMode, "runMode must not be null");
        this.order = order;
    }

    /** An advisor running {@code workflow} in run mode {@code fast}, at {@link #DEFAULT_ORDER}. */
    public static RailguardGuardAdvisor of(Workflow workflow) {
        return new RailguardGuardAdvisor(workflow, RunMode.FAST, DEFAULT_ORDER);
    }

    /** This advisor with another run mode for its workflow's events. */
    public RailguardGuardAdvisor withRunMode(RunMode runMode) {
        return new RailguardGuardAdvisor(workflow, runMode, order);
    }

    /** This advisor at another position in the advisor chain. */
    public RailguardGuardAdvisor withOrder(int order) {
        return new RailguardGuardAdvisor(workflow, runMode, order);
    }

    /** The workflow this advisor runs. */
    public Workflow workflow() {
        return workflow;
    }

    @Override
    public ChatClientResponse adviseCall(ChatClientRequest request, CallAdvisorChain chain) {
        ChatClientResponse response = chain.nextCall(request);
        EventInput input = GuardedAnswers.input(request.prompt(), List.of(response), runMode);
        WorkflowEvent submitted = workflow.submit(input);
        WorkflowEvent event = workflow.completion(submitted.eventId()).join();
        String text = event.finalOutput().orElseThrow(() -> new RailguardBlockedException(workflow.settings().name(), event));
        return text.equals(input.modelOutput()) ? response : GuardedAnswers.replaceText(response, text);
    }

    @Override
    public Flux<ChatClientResponse> adviseStream(ChatClientRequest request, StreamAdvisorChain chain) {
        return chain.nextStream(request).collectList().flatMapMany(responses -> {
            EventInput input = GuardedAnswers.input(request.prompt(), new ArrayList<>(responses), runMode);
            ChatClientResponse last = responses.isEmpty() ? null : responses.get(responses.size() - 1);
            return JdkFlowAdapter.flowPublisherToFlux(workflow.submitAndStream(input))
                    .map(chunk -> GuardedAnswers.chunk(last, chunk))
                    .onErrorMap(OutputFilteredException.class,
                            e -> new RailguardBlockedException(workflow.settings().name(), e.event(), e));
        });
    }

    @Override
    public String getName() {
        return "RailguardGuardAdvisor[" + workflow.settings().name() + "]";
    }

    @Override
    public int getOrder() {
        return order;
    }
}
