package dev.railguard.cli;

import dev.railguard.cli.internal.CliFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code railguard} command: {@code eval}, {@code report}, {@code diff}, {@code eval-run}, {@code meta-eval},
 * {@code metrics}, {@code validate} and {@code init}. Every command takes {@code --config FILE}, the project file
 * ({@code railguard.yaml} in the working directory when not given).
 * Run it as {@code java -jar evaluation-cli/target/railguard.jar ...} or through the launcher script
 * {@code evaluation-cli/railguard}; from Java, {@link #execute(Map, PrintStream, PrintStream, String...)} runs it
 * in-process and returns the exit code.
 *
 * <p>Exit codes: {@value #OK} ok, {@value #GATE_FAILED} a gate failed ({@code --fail-under}, a regression found by
 * {@code diff}, a failing eval run), {@value #USAGE} usage error, {@value #JUDGE_OR_CONFIG} judge or configuration
 * error. Errors are one line on stderr; {@code --verbose} adds the stack trace. Results go to stdout, progress and
 * errors to stderr.
 */
@Command(name = "railguard",
        mixinStandardHelpOptions = true,
        versionProvider = RailguardCommand.Version.class,
        synopsisSubcommandLabel = "COMMAND",
        description = {"Evaluate LLM outputs with Railguard's guardrail metrics, write reports, and tell whether a change"
                + " made things worse."},
        // A new subcommand is one class added to this list; the help test covers every entry.
        subcommands = {EvalCommand.class, ReportCommand.class, DiffCommand.class, EvalRunCommand.class,
                MetaEvalCommand.class, MetricsCommand.class, ValidateCommand.class, InitCommand.class,
                AutoComplete.GenerateCompletion.class},
        footerHeading = "%nExamples:%n",
        footer = {"  railguard eval events.jsonl --out railguard-out --fail-under correctness=0.9",
                "  railguard diff base/results.jsonl new/results.jsonl --out diff.html",
                "  railguard meta-eval qa_data.json --format halueval_qa --limit 200",
                "  railguard metrics",
                "  railguard init --provider anthropic --data qa.csv && railguard validate && railguard eval",
                "",
                "Judges are declared in railguard.yaml, or configured by RAILGUARD_JUDGE_PROVIDER, _BASE_URL, _API_KEY"
                        + " and _MODEL (or the --judge-* options). NO_COLOR turns colors off.",
                "Exit codes: 0 ok, 1 gate failed, 2 usage error, 3 judge or configuration error."})
public final class RailguardCommand implements Runnable {

    /** Exit code: everything ran and every gate passed. */
    public static final int OK = 0;
    /** Exit code: a gate failed ({@code --fail-under}, a regression in {@code diff}, a failing eval run). */
    public static final int GATE_FAILED = 1;
    /** Exit code: the command line was wrong (unknown option, bad value, missing file). */
    public static final int USAGE = 2;
    /** Exit code: a judge or configuration error (no judge configured, judge calls failed, a bad setting). */
    public static final int JUDGE_OR_CONFIG = 3;

    private final Map<String, String> env;
    private PrintStream err = System.err;

    @Spec
    CommandSpec spec;

    /** The command for this process's environment. */
    public RailguardCommand() {
        this(System.getenv());
    }

    RailguardCommand(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** The environment variables the subcommands read (judge settings, NO_COLOR). */
    Map<String, String> env() {
        return env;
    }

    /** Where progress and log lines go. */
    PrintStream err() {
        return err;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is required: one of "
                + spec.subcommands().keySet().stream().filter(n -> !n.equals("generate-completion")).toList());
    }

    /** Runs the command and exits with its exit code. */
    public static void main(String... args) {
        // libraries log warnings to stderr only; the embedding runtime's GPU notes are noise on a terminal
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        int code = execute(System.getenv(), System.out, System.err, args);
        System.out.flush();
        System.exit(code);
    }

    /**
     * Runs the command in-process with {@code env} as its environment, writing to {@code out} and {@code err}.
     *
     * @return the exit code
     */
    public static int execute(Map<String, String> env, PrintStream out, PrintStream err, String... args) {
        RailguardCommand root = new RailguardCommand(env);
        root.err = err;
        CommandLine cl = commandLine(root);
        cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        boolean noColor = Arrays.asList(args).contains("--no-color") || env.getOrDefault("NO_COLOR", "").length() > 0;
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(noColor ? Ansi.OFF : Ansi.AUTO));
        return cl.execute(args);
    }

    /** The picocli command line of {@code root} with the one-line error handlers and exit codes. */
    static CommandLine commandLine(RailguardCommand root) {
        CommandLine cl = new CommandLine(root);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExitCodeExceptionMapper(e -> e instanceof CliFailure f ? f.exitCode() : JUDGE_OR_CONFIG);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println(c.getCommandSpec().qualifiedName() + ": " + oneLine(ex.getMessage())
                    + " (see '" + c.getCommandSpec().qualifiedName() + " --help')");
            if (verbose(args)) {
                ex.printStackTrace(c.getErr());
            }
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
            boolean verbose = verbose(parseResult.originalArgs().toArray(new String[0]));
            String name = c.getCommandSpec().qualifiedName();
            int code;
            String message;
            if (ex instanceof CliFailure f) {
                code = f.exitCode();
                message = f.getMessage();
            } else if (ex instanceof IllegalArgumentException || ex instanceof IllegalStateException) {
                code = JUDGE_OR_CONFIG;
                message = ex.getMessage();
            } else if (ex instanceof UncheckedIOException || ex instanceof IOException) {
                code = JUDGE_OR_CONFIG;
                message = ex.getMessage() + (ex.getCause() != null ? ": " + ex.getCause().getMessage() : "");
            } else {
                code = JUDGE_OR_CONFIG;
                message = "unexpected " + ex.getClass().getSimpleName() + ": " + ex.getMessage()
                        + (verbose ? "" : " (--verbose shows the stack trace)");
            }
            c.getErr().println(name + ": " + oneLine(message));
            if (verbose) {
                ex.printStackTrace(c.getErr());
            }
            c.getErr().flush();
            return code;
        });
        return cl;
    }

    private static boolean verbose(String[] args) {
        return Arrays.asList(args).contains("--verbose");
    }

    static String oneLine(String message) {
        if (message == null || message.isBlank()) {
            return "unknown error";
        }
        String s = message.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
        return s.length() > 600 ? s.substring(0, 600) + "..." : s;
    }

    /** The version from the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties p = new Properties();
            try (InputStream in = RailguardCommand.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new String[] {"railguard " + p.getProperty("version", "unknown"),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
