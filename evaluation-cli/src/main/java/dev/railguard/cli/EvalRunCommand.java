package dev.railguard.cli;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.railguard.api.Checks;
import dev.railguard.cli.internal.CliFailure;
import dev.railguard.cli.internal.CommonOptions;
import dev.railguard.cli.internal.JudgeOptions;
import dev.railguard.cli.internal.OptionCheck;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.engine.RailguardHttp;
import dev.railguard.engine.Redaction;
import dev.railguard.config.JudgeEnvironment;
import dev.railguard.config.RailguardProject;
import dev.railguard.evals.AgentEvals;
import dev.railguard.evals.EvalRun;
import dev.railguard.evals.EvalRunRequest;
import dev.railguard.evals.EvalStatus;
import dev.railguard.evals.Subject;
import dev.railguard.format.AgnoEvalRun;
import dev.railguard.store.EventStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code railguard eval-run REQUEST.json}: Agno's {@code POST /eval-runs} body in, the eval-run record out. The agent
 * under evaluation is a model behind an OpenAI-compatible endpoint.
 */
@Command(name = "eval-run", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = RailguardCommand.Version.class,
        description = {"Run an agent eval described by an Agno eval-run body (eval_type accuracy, agent_as_judge,"
                + " performance or reliability; input, expected_output, criteria, num_iterations, ...) and print the"
                + " eval-run record as Agno's /eval-runs answers it (id, agent_id, model_id, model_provider, team_id,"
                + " workflow_id, name, evaluated_component_name, eval_type, eval_data, eval_input, created_at,"
                + " updated_at); --store keeps it in an event store under --db-id and --table.",
                "The agent is a chat model at an OpenAI-compatible endpoint: --agent-model (default: the body's"
                        + " model_id) at --agent-base-url (default: the judge endpoint), key from"
                        + " RAILGUARD_AGENT_API_KEY or the judge key.",
                "stdout: the record as one JSON document."},
        footerHeading = "%nExamples:%n",
        footer = {"  railguard eval-run accuracy.json --agent-model gpt-4o-mini",
                "  railguard eval-run accuracy.json --store runs.db --db-id team-a --table nightly",
                "  echo '{\"eval_type\":\"agent_as_judge\",\"input\":\"Explain DNS\",\"criteria\":\"accurate and brief\","
                        + "\"model_id\":\"gpt-4o-mini\"}' > run.json && railguard eval-run run.json --out record.json",
                "",
                "Exit codes: 0 the run passed or completed; 1 it failed (eval_status FAILED); 2 usage error or an"
                        + " invalid body; 3 the run ended in ERROR (judge or agent failure) or a judge setting is"
                        + " invalid."})
final class EvalRunCommand implements Callable<Integer> {

    @ParentCommand
    RailguardCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "REQUEST.json", description = "The eval-run body (JSON object).")
    Path request;

    @Option(names = "--agent-model", paramLabel = "MODEL",
            description = "Model of the agent under evaluation (default: the body's model_id).")
    String agentModel;

    @Option(names = "--agent-base-url", paramLabel = "URL",
            description = "OpenAI-compatible endpoint of the agent (default: the judge endpoint).")
    String agentBaseUrl;

    @Option(names = "--agent-system-prompt", paramLabel = "TEXT",
            description = "System prompt given to the agent with each input (default: none).")
    String agentSystemPrompt;

    @Option(names = "--parallelism", paramLabel = "N", defaultValue = "1",
            description = "Iterations run at once, 1..64 (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Also write the record to FILE.")
    Path out;

    @Option(names = "--store", paramLabel = "TARGET",
            description = "Also keep the record in an event store: a SQLite file path or a JDBC URL (created when"
                    + " missing).")
    String store;

    @Option(names = "--db-id", paramLabel = "NAME",
            description = "The store's name, Agno's db_id (default: railguard); needs --store.")
    String dbId;

    @Option(names = "--table", paramLabel = "NAME",
            description = "The eval-run table, Agno's table (default: eval_runs); needs --store.")
    String table;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Keep judge replies in this directory, so that a run of the same events asks again only"
                    + " what changed (default: in memory only).")
    Path cacheDir;

    @Mixin
    JudgeOptions judge;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(request)) {
            throw new ParameterException(spec.commandLine(), "REQUEST.json: file does not exist: " + request);
        }
        OptionCheck.of(spec.commandLine(), () -> Checks.between(parallelism, 1, 64, "--parallelism"));
        Optional<RailguardProject> project = common.project(root.env(), judge.properties());
        EvalRunRequest body;
        try {
            body = EvalRunRequest.fromJson(Files.readString(request, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + request, e);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "REQUEST.json: " + e.getMessage());
        }
        if (store == null && (dbId != null || table != null)) {
            throw new ParameterException(spec.commandLine(), (dbId != null ? "--db-id" : "--table")
                    + " needs --store: the event store to keep the record in");
        }
        String model = agentModel != null ? agentModel : body.modelId();
        if (model == null || model.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--agent-model is required when the body has no"
                    + " model_id: the model of the agent under evaluation");
        }
        Map<String, String> env = root.env();
        JudgeEnvironment judges = judge.environment(env);
        Subject subject = Subject.of("agent", model, agent(model, judges, env));
        EvalRun run;
        try (RailguardEvaluator evaluator = project.isPresent() ? withCache(project.get().evaluatorBuilder()).build()
                : judge.evaluator(judges, cacheDir)) {
            run = AgentEvals.using(evaluator).withParallelism(parallelism).run(body, subject);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(RailguardCommand.JUDGE_OR_CONFIG, e.getMessage(), e);
        }
        AgnoEvalRun agno = run.toAgno(body);
        if (store != null) {
            keep(agno);
        }
        String record = agno.write();
        PrintWriter o = spec.commandLine().getOut();
        o.println(record);
        o.flush();
        if (out != null) {
            try {
                Path parent = out.toAbsolutePath().getParent();
                Files.createDirectories(parent);
                Files.writeString(out, record + "\n", StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("could not write " + out, e);
            }
        }
        if (run.status() == EvalStatus.ERROR) {
            throw new CliFailure(RailguardCommand.JUDGE_OR_CONFIG, "eval run " + run.id() + " ended in ERROR (judge"
                    + " or agent failure); the record's eval_data holds the reasons");
        }
        if (run.status() == EvalStatus.FAILED) {
            throw new CliFailure(RailguardCommand.GATE_FAILED, "eval run " + run.id() + " FAILED");
        }
        return RailguardCommand.OK;
    }

    /** Keeps {@code record} in the store of {@code --store}, under {@code --db-id} and {@code --table}. */
    private void keep(AgnoEvalRun record) {
        EventStore.Builder b = EventStore.builder(store);
        try {
            if (dbId != null) {
                b.dbId(dbId);
            }
            try (EventStore opened = b.build()) {
                (table == null ? opened.evalRuns() : opened.evalRuns(table)).create(record);
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        } catch (RuntimeException e) {
            throw new CliFailure(RailguardCommand.JUDGE_OR_CONFIG, "could not keep eval run " + record.id()
                    + " in store " + store + ": " + e.getMessage(), e);
        }
    }

    private RailguardEvaluator.Builder withCache(RailguardEvaluator.Builder b) {
        return cacheDir == null ? b : b.cacheDirectory(cacheDir);
    }

    /** The agent: one chat call per input, with the system prompt when one is set. */
    private java.util.function.Function<String, String> agent(String model, JudgeEnvironment judges,
            Map<String, String> env) {
        String key = firstSet(env, "RAILGUARD_AGENT_API_KEY", "RAILGUARD_JUDGE_API_KEY", "OPENAI_API_KEY");
        Redaction.register(key); // an agent endpoint that echoes the key must not put it in the record
        ChatModel chat = OpenAiChatModel.builder().httpClientBuilder(RailguardHttp.retryAfterAware())
                .baseUrl(agentBaseUrl != null ? agentBaseUrl : judges.baseUrl())
                .apiKey(key != null ? key : "not-needed").modelName(model).timeout(Duration.ofSeconds(120))
                .maxRetries(2).build();
        return input -> {
            List<dev.langchain4j.data.message.ChatMessage> messages = new ArrayList<>();
            if (agentSystemPrompt != null) {
                messages.add(SystemMessage.from(agentSystemPrompt));
            }
            messages.add(UserMessage.from(input));
            return chat.chat(ChatRequest.builder().messages(messages).build()).aiMessage().text();
        };
    }

    private static String firstSet(Map<String, String> env, String... names) {
        for (String n : names) {
            String v = env.get(n);
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        return null;
    }
}
