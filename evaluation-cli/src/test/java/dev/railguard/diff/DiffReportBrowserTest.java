package dev.railguard.diff;

import static dev.railguard.diff.Runs.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.railguard.testkit.TestTools;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The diff report rendered by a real headless Chromium, as the batch report's test does: the regressed metric leads
 * the table and the chart, flipped events show both runs side by side, a hostile output stays text, and the
 * screenshot shows the fail and pass colors. Needs {@code chromium} on the PATH (or {@code RAILGUARD_CHROMIUM}), else
 * it is skipped ({@link TestTools}); {@code .ci/run} installs it and makes a missing browser a failure.
 */
class DiffReportBrowserTest {

    @TempDir
    static Path dir;

    private static String browser;
    private static String dom;
    private static Path png;
    private static Path html;

    @BeforeAll
    static void render() throws Exception {
        browser = TestTools.chromium().map(Path::toString).orElse(null);
        if (browser == null) {
            return; // each test is skipped, or failed in CI, by needsChromium
        }
        List<DiffEvent> base = new ArrayList<>();
        List<DiffEvent> cand = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            boolean correctBase = i < 70;
            boolean correctNew = i < 45;               // 25 pass -> fail: a regression
            boolean safeBase = i < 50;
            boolean safeNew = i < 65;                  // 15 fail -> pass: an improvement
            String out = i == 50 ? "<script>document.title='pwned'</script><img id=\"pwned\" src=x>" : "answer " + i;
            base.add(event(i + 1, "e" + i, "question " + i, "old " + out, "correctness", correctBase ? "pass" : "fail",
                    correctBase ? 0.9 : 0.3, "safety", safeBase ? "pass" : "fail", safeBase ? 1.0 : 0.0,
                    "tone", i % 9 == 4 ? "fail" : "pass", 0.8));
            cand.add(event(i + 1, "e" + i, "question " + i, "new " + out, "correctness", correctNew ? "pass" : "fail",
                    correctNew ? 0.9 : 0.3, "safety", safeNew ? "pass" : "fail", safeNew ? 1.0 : 0.0,
                    "tone", i % 9 == 0 ? "fail" : "pass", 0.75));
        }
        cand.add(event(99, "only-new", "extra", "x", "tone", "pass", 1.0));
        DiffResult d = RunDiff.with(new RunDiff.Settings(0.05, 0.0, 0.95, 1000, 5)).compare(base, cand);
        html = dir.resolve("diff.html");
        DiffReport.write(d, html, "base/results.jsonl", "new/results.jsonl");
        png = dir.resolve("diff.png");
        dom = chromium("--dump-dom", "--screenshot=" + png, "--window-size=1280,1600");
    }

    @BeforeEach
    void needsChromium() {
        TestTools.assumeAvailable(browser != null, "Chromium", "this test renders the diff report in a real browser:"
                + " install it (Debian/Ubuntu: sudo apt-get install -y chromium) or set RAILGUARD_CHROMIUM. .ci/run"
                + " installs it.");
    }

    private static String chromium(String... extra) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(browser, "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--user-data-dir=" + dir.resolve("profile")));
        cmd.addAll(List.of(extra));
        cmd.add(html.toUri().toString());
        Path out = dir.resolve("chromium.out");
        Path err = dir.resolve("chromium.err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish within 90 s: " + cmd);
        }
        if (p.exitValue() != 0) {
            fail("chromium exited with " + p.exitValue() + ": " + Files.readString(err));
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    @Test
    void regressions_lead_the_table_and_the_chart_and_flips_show_both_sides() {
        Matcher firstRow = Pattern.compile("<tr class=\"(\\w+)\" data-metric=\"(\\w+)\"").matcher(dom);
        assertThat(firstRow.find()).isTrue();
        assertThat(firstRow.group(1) + ":" + firstRow.group(2)).isEqualTo("regression:correctness");
        assertThat(dom).contains("<tr class=\"improvement\" data-metric=\"safety\"");
        Matcher chartRows = Pattern.compile("<g class=\"row (\\w+)\" data-metric=\"(\\w+)\"").matcher(dom);
        List<String> rows = new ArrayList<>();
        while (chartRows.find()) {
            rows.add(chartRows.group(2) + ":" + chartRows.group(1));
        }
        assertThat(rows).containsExactly("correctness:regression", "safety:improvement", "tone:neutral");
        assertThat(count("<article class=\"flip pass_to_fail\" data-metric=\"correctness\"")).isEqualTo(25);
        assertThat(count("<article class=\"flip fail_to_pass\" data-metric=\"safety\"")).isEqualTo(15);
        // the first flipped event is a regression, with the base's and the new run's rationale side by side
        Matcher firstFlip = Pattern.compile("<article class=\"flip (\\w+)\"").matcher(dom);
        assertThat(firstFlip.find()).isTrue();
        assertThat(firstFlip.group(1)).isEqualTo("pass_to_fail");
        assertThat(dom).contains("pass because of old answer 45").contains("fail because of new answer 45");
        assertThat(dom).contains("<td>new</td><td>99</td>");
    }

    @Test
    void a_hostile_output_is_shown_as_text() {
        assertThat(dom).contains("<title>Railguard diff</title>").doesNotContain("<img id=\"pwned\"")
                .contains("&lt;script&gt;document.title='pwned'&lt;/script&gt;");
    }

    @Test
    void the_screenshot_shows_the_regression_and_improvement_colors() throws Exception {
        assertThat(png).exists();
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(1280);
        int red = 0;
        int green = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y) & 0xffffff;
                red += rgb == 0xd64541 ? 1 : 0;
                green += rgb == 0x2e9d5b ? 1 : 0;
            }
        }
        assertThat(red).as("pixels of the fail color (regression interval, badges)").isGreaterThan(100);
        assertThat(green).as("pixels of the pass color (improvement interval, badges)").isGreaterThan(100);
        Files.createDirectories(Path.of("target"));
        Files.copy(png, Path.of("target", "diff-report-screenshot.png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static long count(String literal) {
        return Pattern.compile(Pattern.quote(literal)).matcher(dom).results().count();
    }
}
