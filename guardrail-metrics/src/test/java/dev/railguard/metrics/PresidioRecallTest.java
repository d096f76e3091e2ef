package dev.railguard.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code pii} on Presidio's own recognizer test cases ({@code presidio-cases.jsonl}), per entity type, the figures of
 * the README's table. Each case runs the recognizers of its entity only, as Presidio's tests run one recognizer.
 * "Any score" counts every finding as Presidio's recognizer tests do (weak patterns without context included); "as
 * counted" is what the {@code pii} check counts at its default min score. The table is written to
 * {@code target/presidio-recall.md}.
 */
class PresidioRecallTest {

    private static final List<PresidioCases.Case> CASES = PresidioCases.load();

    private static List<int[]> spans(List<PiiFinding> findings) {
        return findings.stream().map(f -> new int[] {f.start(), f.end()}).toList();
    }

    private static PiiMetric only(String entity) {
        return PiiMetric.builder().types(PiiFinding.Type.valueOf(entity)).build();
    }

    @Test
    void every_case_presidio_expects_is_found_at_some_score_and_no_clean_text_is_flagged() throws IOException {
        Map<String, PresidioCases.Score> any = PresidioCases.score(CASES, (e, text) -> spans(only(e).findAll(text)));
        Map<String, PresidioCases.Score> counted = PresidioCases.score(CASES, (e, text) -> spans(only(e).findIn(text)));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/presidio-recall.md"), "any score:\n" + PresidioCases.table(any)
                + "\nas counted (min score 0.4):\n" + PresidioCases.table(counted));

        // one deliberate difference: Presidio's NINO pattern starts its span at the space before the number
        assertThat(any.values()).allSatisfy(s -> assertThat(s.found()).as(s.entity())
                .isEqualTo(s.expected() - (s.entity().equals("UK_NINO") ? 1 : 0)));
        assertThat(any.values()).allSatisfy(s -> assertThat(s.falseAlarms()).as(s.entity())
                .isEqualTo(s.entity().equals("UK_NINO") ? 1 : 0));
        assertThat(any.values()).allSatisfy(s -> assertThat(s.cleanTextsFlagged()).as(s.entity()).isZero());
    }
}
