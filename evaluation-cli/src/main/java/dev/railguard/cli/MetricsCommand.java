package dev.railguard.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.railguard.api.GuardrailMetric;
import dev.railguard.api.InputRequirement;
import dev.railguard.api.JudgedMetric;
import dev.railguard.cli.internal.CommonOptions;
import dev.railguard.engine.MetricRegistry;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code railguard metrics}: the installed metrics, what each needs, and its default threshold. */
@Command(name = "metrics", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = RailguardCommand.Version.class,
        description = {"List the installed metrics (found on the class path): name, whether a judge decides it or code"
                + " does, the inputs it needs beyond the output, its default threshold, and what it measures.",
                "stdout: a header line and one line per metric (or, with --json, one JSON array)."},
        footerHeading = "%nExamples:%n",
        footer = {"  railguard metrics", "  railguard metrics --json", "", "Exit codes: 0 ok; 2 usage error."})
final class MetricsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print the metrics as one JSON array.")
    boolean json;

    @Mixin
    CommonOptions common;

    @Override
    public void run() {
        List<GuardrailMetric> metrics = MetricRegistry.installed().all().stream()
                .sorted(Comparator.comparing(GuardrailMetric::name)).toList();
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ArrayNode a = mapper.createArrayNode();
            for (GuardrailMetric m : metrics) {
                ObjectNode n = a.addObject();
                n.put("name", m.name()).put("decided_by", decidedBy(m)).put("default_threshold", m.defaultThreshold())
                        .put("description", m.description());
                ArrayNode r = n.putArray("requires");
                m.requires().stream().map(InputRequirement::field).sorted().forEach(r::add);
            }
            o.println(a.toString());
        } else {
            o.printf(Locale.ROOT, "%-24s %-8s %-32s %9s  %s%n", "metric", "judge", "needs beyond the output",
                    "threshold", "description");
            for (GuardrailMetric m : metrics) {
                String needs = m.requires().isEmpty() ? "-" : m.requires().stream().map(InputRequirement::field)
                        .sorted().collect(Collectors.joining(", "));
                o.printf(Locale.ROOT, "%-24s %-8s %-32s %9.2f  %s%n", m.name(), decidedBy(m), needs,
                        m.defaultThreshold(), m.description());
            }
        }
        o.flush();
    }

    private static String decidedBy(GuardrailMetric m) {
        return m instanceof JudgedMetric ? "judge" : "code";
    }
}
