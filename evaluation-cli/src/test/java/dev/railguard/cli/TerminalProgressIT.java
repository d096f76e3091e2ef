package dev.railguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.railguard.testkit.JudgeReplies;
import dev.railguard.testkit.StubOpenAiServer;
import dev.railguard.testkit.StubReply;
import dev.railguard.testkit.TestTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code railguard eval} in a real terminal: the jar runs inside a detached tmux pane of 120x30 and the screen is read
 * with {@code capture-pane} while it runs and after it ends, as a person would see it: a progress bar while judges
 * answer, then the table, with no log lines, escape sequences or bar fragments left over. Skipped when tmux is not
 * installed; {@code .ci/run} installs it.
 */
class TerminalProgressIT {

    private static final Path JAR = Path.of(System.getProperty("railguard.jar", "target/railguard.jar"))
            .toAbsolutePath();
    private static final Pattern BAR = Pattern.compile("railguard\\s+\\d{1,3}%\\s+\\[[=> ]*\\]\\s+\\d+/20\\b");

    @TempDir
    Path dir;

    @Test
    void a_terminal_shows_a_progress_bar_then_a_clean_table() throws Exception {
        TestTools.assumeAvailable(TestTools.onPath("tmux").isPresent(), "tmux",
                "this test reads the progress bar from a terminal pane: install tmux (Debian/Ubuntu: sudo apt-get"
                + " install -y tmux). .ci/run installs it.");
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            events.append(Cli.event("e" + i, "Paris is the capital of France, answer " + i + ".")).append('\n');
        }
        Path input = Files.writeString(dir.resolve("events.jsonl"), events);
        String socket = "railguard-it-" + ProcessHandle.current().pid();
        try (StubOpenAiServer server = StubOpenAiServer.start(r -> StubReply.content(JudgeReplies.satisfying(r))
                .delayed(Duration.ofMillis(250)))) {
            String command = "cd '" + dir + "' && env -u NO_COLOR RAILGUARD_JUDGE_BASE_URL=" + server.baseUrl() + " '"
                    + Path.of(System.getProperty("java.home"), "bin", "java") + "' -jar '" + JAR + "' eval events.jsonl"
                    + " --metrics correctness --concurrency 2 --out out; echo \"EXIT=$?\"; sleep 60";
            tmux(socket, "new-session", "-d", "-s", "rg", "-x", "120", "-y", "30", command);
            List<String> screens = new ArrayList<>();
            String last = "";
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline && !last.contains("EXIT=")) {
                Thread.sleep(150);
                last = tmux(socket, "capture-pane", "-p", "-J", "-t", "rg"); // -J joins wrapped lines
                screens.add(last);
            }
            assertThat(last).as("the command finished in the pane").contains("EXIT=0");
            assertThat(screens).as("a screen while judges answered showed the bar")
                    .anyMatch(s -> BAR.matcher(s).find() && !s.contains("EXIT="));
            List<String> lines = last.lines().map(String::stripTrailing).filter(l -> !l.isEmpty()).toList();
            // what stays on the screen: the finished bar, the batch's last line, the table, the paths, the exit
            assertThat(lines.get(0)).containsPattern("railguard\\s+100%\\s+\\[=+\\]\\s+20/20");
            assertThat(lines.get(1)).startsWith("railguard batch: 20 events in out/results.jsonl");
            assertThat(lines.get(2)).matches("metric\\s+pass\\s+fail\\s+error\\s+skipped\\s+pass rate");
            assertThat(lines.get(3)).matches("correctness\\s+20\\s+0\\s+0\\s+0\\s+100\\.0%");
            assertThat(lines.get(4)).startsWith("20 events: 20 passed every metric, 0 failing (a metric FAIL or ERROR);");
            assertThat(lines.get(5)).startsWith("judge tokens: ");
            assertThat(lines.subList(6, 9)).allMatch(l -> l.matches("(results|summary|report): +out/\\S+"));
            assertThat(lines.get(9)).isEqualTo("EXIT=0");
            assertThat(lines).hasSize(10);
            assertThat(last).doesNotContain("\u001b").doesNotContain("railguard batch: 1/");
        } finally {
            tmux(socket, "kill-server");
        }
    }

    private static String tmux(String socket, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        return out;
    }
}
