package dev.railguard.report;

import dev.railguard.batch.BatchSummary;
import dev.railguard.testkit.TestTools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report rendered by a real headless Chromium: the charts are drawn by its script, the first failing event is at
 * the top of the event list, the hostile output did not run, and the screenshot is a picture, not a blank page.
 * Needs {@code chromium} on the PATH (or {@code RAILGUARD_CHROMIUM}), else it is skipped ({@link TestTools});
 * {@code .ci/run} installs it and makes a missing browser a failure.
 */
class HtmlReportBrowserTest {

    private static final String HOW_TO_INSTALL = "this test renders the report in a real browser:"
            + " install it (Debian/Ubuntu: sudo apt-get install -y chromium; macOS: brew install --cask chromium) or set"
            + " RAILGUARD_CHROMIUM to a Chrome/Chromium executable. .ci/run installs it before mvn -B verify.";

    @TempDir
    static Path dir;

    private static Path report;
    private static String browser;
    private static String dom;
    private static Path png;

    /** One browser run gives both the DOM after the scripts ran and the screenshot. */
    @BeforeAll
    static void render() throws Exception {
        browser = TestTools.chromium().map(Path::toString).orElse(null);
        if (browser == null) {
            return; // each test is skipped, or failed in CI, by needsChromium
        }
        BatchSummary summary = ReportFixture.run(dir);
        report = dir.resolve("report.html");
        HtmlReport.write(summary, report);
        png = dir.resolve("report.png");
        dom = chromium(dir.resolve("profile"), "--dump-dom", "--screenshot=" + png, "--window-size=1280,1400");
    }

    @BeforeEach
    void needsChromium() {
        TestTools.assumeAvailable(browser != null, "Chromium", HOW_TO_INSTALL);
    }

    private static String chromium(Path profile, String... extra) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(browser, "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--user-data-dir=" + profile));
        cmd.addAll(List.of(extra));
        cmd.add(report.toUri().toString());
        Path stdout = dir.resolve(profile.getFileName() + ".out");
        Path stderr = dir.resolve(profile.getFileName() + ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish within 90 s: " + cmd);
        }
        if (p.exitValue() != 0) {
            fail("chromium exited with " + p.exitValue() + ": " + Files.readString(stderr));
        }
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    @Test
    void the_script_draws_the_charts_and_the_first_failing_event_leads_the_list() throws IOException {
        assertThat(dom).contains("data-charts=\"drawn\"");
        // a histogram of ten bars for each metric with scores, created by the script (the HTML file has none);
        // the judged metric, all SKIPPED, has a note instead
        assertThat(Files.readString(report)).doesNotContain("class=\"bar\"");
        assertThat(count(dom, "<svg [^>]*class=\"chart histogram\" data-metric=\"length_ok\"")).isEqualTo(1);
        assertThat(count(dom, "<svg [^>]*class=\"chart histogram\"")).isEqualTo(1);
        assertThat(count(dom, "<rect class=\"bar\"")).isEqualTo(10);
        assertThat(dom).contains("no scored result (1 skipped, 0 errors)");
        assertThat(count(dom, "<rect class=\"seg seg-pass\"")).isGreaterThanOrEqualTo(2);
        assertThat(count(dom, "<rect class=\"seg seg-skipped\"")).isEqualTo(2); // grounded, and the rag tag
        Matcher first = Pattern.compile("<article class=\"event outcome-(\\w+)\" data-line=\"(\\d+)\"").matcher(dom);
        assertThat(first.find()).isTrue();
        assertThat(first.group(1) + ":" + first.group(2)).isEqualTo("fail:1");
        // the hostile output is shown as text: its script did not run, its image was not created
        assertThat(dom).contains("<title>Railguard report</title>").doesNotContain("id=\"pwned\"")
                .contains("&lt;script&gt;document.title='pwned'&lt;/script&gt;");
    }

    @Test
    void the_screenshot_shows_the_pass_and_fail_colors_of_the_drawn_charts() throws Exception {
        assertThat(png).exists();
        assertThat(Files.size(png)).isGreaterThan(20_000);
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(1280);
        Set<Integer> colors = new HashSet<>();
        int green = 0;
        int red = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y) & 0xffffff;
                colors.add(rgb);
                green += rgb == 0x2e9d5b ? 1 : 0;
                red += rgb == 0xd64541 ? 1 : 0;
            }
        }
        assertThat(colors.size()).as("distinct colors: a blank page has one").isGreaterThan(50);
        assertThat(green).as("pixels of the pass color (bars and badges)").isGreaterThan(200);
        assertThat(red).as("pixels of the fail color").isGreaterThan(100);
        Files.createDirectories(Path.of("target"));
        Files.copy(png, Path.of("target", "report-screenshot.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static long count(String text, String regex) {
        return Pattern.compile(regex).matcher(text).results().count();
    }
}
