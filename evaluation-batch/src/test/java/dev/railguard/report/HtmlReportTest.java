package dev.railguard.report;

import dev.railguard.batch.BatchFixtures;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's HTML as text: escaping, order, self-containment. The browser test checks what it draws. */
class HtmlReportTest {

    @TempDir
    Path dir;

    @Test
    void user_text_is_escaped_everywhere_it_appears() throws IOException {
        String html = HtmlReport.render(ReportFixture.run(dir), "Report <for> \"QA\"", 100);

        assertThat(html).doesNotContain("<script>document.title").doesNotContain("<img src=x")
                .doesNotContain("<b>tag</b>");
        assertThat(html).contains("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;")
                .contains("<title>Report &lt;for&gt; &quot;QA&quot;</title>");
        // the embedded data cannot close its script element
        Matcher data = Pattern.compile("<script type=\"application/json\" id=\"railguard-data\">(.*?)</script>",
                Pattern.DOTALL).matcher(html);
        assertThat(data.find()).isTrue();
        assertThat(data.group(1)).doesNotContain("<").contains("\\u003cb\\u003etag\\u003c/b\\u003e");
    }

    @Test
    void failing_events_come_first_then_incomplete_then_passing_ones() throws IOException {
        String html = HtmlReport.render(ReportFixture.run(dir), "r", 100);

        Matcher m = Pattern.compile("<article class=\"event outcome-(\\w+)\" data-line=\"(\\d+)\"").matcher(html);
        StringBuilder order = new StringBuilder();
        while (m.find()) {
            order.append(m.group(1)).append(':').append(m.group(2)).append(' ');
        }
        assertThat(order.toString()).startsWith("fail:1 fail:14 incomplete:15 pass:");
        assertThat(html).contains("Skipped input lines").contains("<td>16</td><td>not valid JSON: ");
    }

    @Test
    void a_skip_reason_is_shown_once_at_the_top_not_in_every_row() throws IOException {
        String html = HtmlReport.render(ReportFixture.run(dir), "r", 100);

        assertThat(html).contains("<div class=\"banner\"><b>Some metrics were skipped.</b> " + BatchFixtures.HOW_TO);
        assertThat(Pattern.compile(Pattern.quote(BatchFixtures.HOW_TO)).matcher(html).results().count()).isEqualTo(1);
        assertThat(html).contains("skipped: see the note at the top");
    }

    @Test
    void the_page_loads_nothing_from_the_network() throws IOException {
        String html = HtmlReport.render(ReportFixture.run(dir), "r", 100);

        assertThat(html).doesNotContainPattern("(?i)<(script|img|link|iframe)[^>]*\\s(src|href)=");
        assertThat(html).contains("Content-Security-Policy\" content=\"default-src 'none'");
    }

    @Test
    void events_beyond_the_cap_are_counted_not_shown() throws IOException {
        String html = HtmlReport.render(ReportFixture.run(dir), "r", 3);

        assertThat(Pattern.compile("<article ").matcher(html).results().count()).isEqualTo(3);
        assertThat(html).contains("12 more events");
    }

    @Test
    void large_token_counts_are_compact_in_the_tiles() {
        assertThat(HtmlReport.compact(9_999)).isEqualTo("9999");
        assertThat(HtmlReport.compact(53_200)).isEqualTo("53.2k");
        assertThat(HtmlReport.compact(4_120_000)).isEqualTo("4.1M");
    }
}
