package dev.railguard.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.railguard.api.GuardrailMetric;
import dev.railguard.api.InputRequirement;
import dev.railguard.api.JudgedMetric;
import dev.railguard.cli.internal.CommonOptions;
import dev.railguard.config.RailguardProject;
import dev.railguard.engine.MetricRegistry;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code railguard metrics}: the installed metrics and those the project file declares, what each needs, and its
 * threshold.
 */
@Command(name = "metrics", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = RailguardCommand.Version.class,
        description = {"List the installed metrics (found on the class path) and those the project file declares: name,"
                + " where it comes from, whether a judge decides it or code does, the inputs it needs beyond the output,"
                + " its threshold (the file's, else the default), and what it measures.",
                "stdout: a header line and one line per metric (or, with --json, one JSON array)."},
        footerHeading = "%nExamples:%n",
        footer = {"  railguard metrics", "  railguard metrics --json", "  railguard metrics --config railguard.yaml", "",
                "Exit codes: 0 ok; 2 usage error; 3 the project file has a problem."})
final class MetricsCommand implements Runnable {

    @ParentCommand
    RailguardCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print the metrics as one JSON array.")
    boolean json;

    @Mixin
    CommonOptions common;

    @Override
    public void run() {
        Optional<RailguardProject> project = common.project(root.env(), new Properties());
        MetricRegistry registry = project.map(RailguardProject::metrics).orElseGet(MetricRegistry::installed);
        Map<String, Double> thresholds = project.map(RailguardProject::thresholds).orElse(Map.of());
        List<String> declared = project.map(RailguardProject::declaredMetrics).orElse(List.of());
        Set<String> installed = MetricRegistry.installed().names();
        List<GuardrailMetric> metrics = registry.all().stream()
                .sorted(Comparator.comparing(GuardrailMetric::name)).toList();
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ArrayNode a = mapper.createArrayNode();
            for (GuardrailMetric m : metrics) {
                ObjectNode n = a.addObject();
                n.put("name", m.name()).put("source", source(m.name(), installed, declared))
                        .put("decided_by", decidedBy(m)).put("default_threshold", m.defaultThreshold())
                        .put("threshold", thresholds.getOrDefault(m.name(), m.defaultThreshold()))
                        .put("description", m.description());
                ArrayNode r = n.putArray("requires");
                m.requires().stream().map(InputRequirement::field).sorted().forEach(r::add);
            }
            o.println(a.toString());
        } else {
            o.printf(Locale.ROOT, "%-24s %-9s %-8s %-32s %9s  %s%n", "metric", "source", "judge",
                    "needs beyond the output", "threshold", "description");
            for (GuardrailMetric m : metrics) {
                String needs = m.requires().isEmpty() ? "-" : m.requires().stream().map(InputRequirement::field)
                        .sorted().collect(Collectors.joining(", "));
                o.printf(Locale.ROOT, "%-24s %-9s %-8s %-32s %9.2f  %s%n", m.name(),
                        source(m.name(), installed, declared), decidedBy(m), needs,
                        thresholds.getOrDefault(m.name(), m.defaultThreshold()), m.description());
            }
        }
        o.flush();
    }

    /** {@code built-in}, {@code file} (declared by the project file) or {@code both} (a built-in the file sets). */
    private static String source(String name, Set<String> installed, List<String> declared) {
        return !declared.contains(name) ? "built-in" : installed.contains(name) ? "both" : "file";
    }

    private static String decidedBy(GuardrailMetric m) {
        return m instanceof JudgedMetric ? "judge" : "code";
    }
}
