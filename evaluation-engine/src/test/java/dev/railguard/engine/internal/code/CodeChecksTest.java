package dev.railguard.engine.internal.code;

import dev.railguard.engine.JudgePanel;
import dev.railguard.engine.MetricRegistry;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.engine.TestMetrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.MetricResult;
import dev.railguard.api.ModelInput;
import dev.railguard.api.RunMode;
import dev.railguard.testkit.JudgeReplies;
import dev.railguard.testkit.RecordedRequest;
import dev.railguard.testkit.StubOpenAiServer;
import dev.railguard.testkit.StubReply;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** In-process code checks of the codex modes, and how their results reach the judges and the diagnostics. */
class CodeChecksTest {

    private static final String OUTPUT = """
            Use this:
            ```java
            import java.util.List;
            List<String> names = List.of("a", "b");
            System.out.println(names.size());
            ```
            and this broken one:
            ```java
            public class Broken { int x = "text"; }
            ```
            Config:
            ```json
            {"port": 8080,}
            ```
            ```yaml
            server:
              port: 8080
            ```
            ```xml
            <server><port>8080</server>
            ```
            ```python
            print("not checked")
            ```
            """;

    private static final String SMALL = """
            ```java
            int x = "text";
            ```
            ```yaml
            port: 8080
            ```
            ```json
            {"port": 8080,}
            ```
            """;

    @Test
    void java_compiles_in_memory_and_json_yaml_xml_are_parsed() {
        CodeChecks.Report report = CodeChecks.run(OUTPUT);

        assertThat(report.checks()).extracting(CodeChecks.Check::block, CodeChecks.Check::language,
                CodeChecks.Check::ok).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "java", true),
                        org.assertj.core.groups.Tuple.tuple(2, "java", false),
                        org.assertj.core.groups.Tuple.tuple(3, "json", false),
                        org.assertj.core.groups.Tuple.tuple(4, "yaml", true),
                        org.assertj.core.groups.Tuple.tuple(5, "xml", false));
        assertThat(report.checks().get(1).detail()).startsWith("does not compile: line 1: incompatible types");
        assertThat(report.text()).contains("code block 1 (java): OK, compiles");
        assertThat(CodeChecks.run("no code here").isEmpty()).isTrue();
    }

    @Test
    void precision_codex_hands_the_check_results_to_the_verifiers_and_reports_them() {
        ObjectMapper json = new ObjectMapper();
        Pattern unitId = Pattern.compile("(?m)^\\[(\\d+)] ");
        try (StubOpenAiServer server = StubOpenAiServer.start(r -> {
            if (r.schemaName().startsWith("railguard_partition_")) {
                return StubReply.content(JudgeReplies.units().unit("the java block", "Y", "high", "")
                        .unit("the json block", "Y", "high", "").json());
            }
            ObjectNode root = json.createObjectNode();
            Matcher m = unitId.matcher(r.userText());
            while (m.find()) {
                root.withArray("verdicts").addObject().put("id", Integer.parseInt(m.group(1))).put("verdict", "N")
                        .put("confidence", "high").put("reason", "see code_checks");
            }
            return StubReply.content(root.toString());
        })) {
            JudgePanel panel = JudgePanel.builder().code("code-1", model(server, "code-1"))
                    .standard("std-1", model(server, "std-1")).standard("std-2", model(server, "std-2")).build();
            try (RailguardEvaluator evaluator = RailguardEvaluator.builder().judges(panel)
                    .metrics(MetricRegistry.of(TestMetrics.claims("code_ok", false))).build()) {
                MetricResult result = evaluator.evaluate(EvaluationRequest.builder()
                        .modelInput(ModelInput.ofUserPrompt("Show me Java and config."))
                        .modelOutput(SMALL).runMode(RunMode.PRECISION_CODEX).metrics("code_ok").build())
                        .metric("code_ok");

                List<RecordedRequest> verifies = server.requests().stream()
                        .filter(r -> r.schemaName().equals("railguard_code_ok_verify")).toList();
                assertThat(verifies).extracting(RecordedRequest::model).containsExactlyInAnyOrder("code-1", "std-1");
                assertThat(verifies).allSatisfy(r -> {
                    assertThat(r.userText()).contains("<<<BEGIN code_checks").contains(
                            "code block 1 (java): FAILED, does not compile").contains("code block 2 (yaml): OK");
                    assertThat(r.systemText()).contains("use the code_checks section");
                });
                assertThat(server.requests()).filteredOn(r -> r.schemaName().startsWith("railguard_partition_"))
                        .singleElement().satisfies(r -> {
                            assertThat(r.model()).isEqualTo("code-1");
                            assertThat(r.systemText()).contains("each code block");
                        });
                assertThat(result.diagnostics()).anySatisfy(d -> assertThat(d.toString())
                        .startsWith("WARNING: code block 3 (json): FAILED, does not parse"));
                assertThat(result.diagnostics()).anySatisfy(d -> assertThat(d.toString())
                        .isEqualTo("INFO: code block 2 (yaml): OK, parses"));
            }
        }
    }

    private static OpenAiChatModel model(StubOpenAiServer server, String name) {
        return OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("k").modelName(name).maxRetries(0)
                .timeout(Duration.ofSeconds(20)).build();
    }

    @Test
    void a_block_that_could_not_be_checked_is_not_reported_failed_and_the_report_states_its_limits() {
        // main reported "FAILED, not checked: this JVM has no Java compiler", which a literal judge reads as N
        CodeChecks.Report report = new CodeChecks.Report(List.of(
                new CodeChecks.Check(1, "java", CodeChecks.Status.NOT_CHECKED, "this JVM has no Java compiler"),
                new CodeChecks.Check(2, "json", CodeChecks.Status.OK, "parses")));
        assertThat(report.text()).isEqualTo("Results of checking the output's code in process against the JDK alone"
                + " (no third-party library, no network). A failure about a package or symbol outside the JDK, or"
                + " about a fragment that is not a complete unit, and a NOT CHECKED line say nothing about the code:\n"
                + "- code block 1 (java): NOT CHECKED, this JVM has no Java compiler\n"
                + "- code block 2 (json): OK, parses");
    }
}
