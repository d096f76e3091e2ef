package dev.railguard.batch;

import dev.railguard.engine.MetricRegistry;
import dev.railguard.engine.RailguardEvaluator;
import static dev.railguard.batch.BatchFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No bad byte costs a batch: invalid UTF-8, a lone surrogate, a NUL byte, a byte-order mark, a 10 MB line and deep
 * nesting are each one skipped line with its number and reason; results.jsonl stays valid UTF-8 JSON lines and a
 * second run resumes from it.
 */
class BatchHardeningTest {

    @TempDir
    Path dir;

    private final BatchFixtures.WordCountMetric words = new BatchFixtures.WordCountMetric();
    private RailguardEvaluator evaluator;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeEach
    void start() {
        evaluator = RailguardEvaluator.builder().metrics(MetricRegistry.of(words)).build();
    }

    @AfterEach
    void stop() {
        evaluator.close();
    }

    private BatchEvaluator.Builder batch(Path in, Path out) {
        return BatchEvaluator.builder().evaluator(evaluator).input(in).output(out)
                .progress(BatchEvaluator.Progress.LOG).log(new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b.toByteArray();
    }

    /** Every line of {@code out} is strict UTF-8 and a JSON object. */
    private static List<JsonNode> strictRecords(Path out) throws IOException {
        String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(out))).toString();
        assertThat(text).endsWith("\n");
        List<JsonNode> r = new ArrayList<>();
        for (String l : text.split("\n")) {
            JsonNode n = BatchFixtures.JSON.readTree(l);
            assertThat(n.isObject()).isTrue();
            r.add(n);
        }
        return r;
    }

    @Test
    void each_bad_byte_is_one_skipped_line_and_results_stay_valid_and_resumable() throws IOException {
        String good = line("q", "one two three four five six seven eight nine ten", "ok", "length_ok");
        String deep = "{\"model_input\":{\"user_prompt\":\"q\"},\"model_output\":\"a\",\"guardrail_metrics\":[\"length_ok\"],"
                + "\"nametag\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        byte[] input = concat(
                utf8(good + "\n"),                                                              // 1
                concat(utf8("{\"model_input\":{\"user_prompt\":\"q\"},\"model_output\":\"caf"),
                        new byte[] {(byte) 0xC3, (byte) 0x28}, utf8("\",\"guardrail_metrics\":[\"length_ok\"]}\n")), // 2
                utf8(line("q", "lone \ud800 surrogate", "x", "length_ok").replace("\ud800", "\\ud800") + "\n"), // 3
                concat(utf8("{\"model_input\":{\"user_prompt\":\"q\"},\"model_output\":\"a"), new byte[] {0},
                        utf8("b\",\"guardrail_metrics\":[\"length_ok\"]}\n")),                 // 4
                concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(good + "\n")),  // 5
                utf8(line("q", "x".repeat(10 * 1024 * 1024), "big", "length_ok") + "\n"),      // 6
                utf8(deep + "\n"),                                                             // 7
                utf8(line("q", "escaped \\u0000 nul", "x", "length_ok").replace("\\\\u0000", "\\u0000") + "\n"), // 8
                utf8(good.replace("\"ok\"", "\"ok2\"") + "\r\n"));                              // 9
        Path in = Files.write(dir.resolve("in.jsonl"), input);
        Path out = dir.resolve("out/results.jsonl");

        BatchSummary s = batch(in, out).build().run();

        Map<Integer, String> reasons = s.skippedLines().stream()
                .collect(Collectors.toMap(BatchSummary.SkippedLine::line, BatchSummary.SkippedLine::reason));
        assertThat(reasons).containsOnlyKeys(2, 3, 4, 5, 6, 7, 8);
        assertThat(reasons.get(2)).isEqualTo("the line is not valid UTF-8 at byte 55; the input must be UTF-8");
        assertThat(reasons.get(3)).isEqualTo("model_output holds a lone surrogate (\\ud800) at index 5; text must be"
                + " valid Unicode (surrogates only in pairs)");
        assertThat(reasons.get(4)).isEqualTo("the line holds a NUL byte at byte 53; JSON text may not contain raw"
                + " control characters");
        assertThat(reasons.get(5)).isEqualTo("the line starts with a byte-order mark (EF BB BF); save the input as"
                + " UTF-8 without a BOM");
        assertThat(reasons.get(6)).startsWith("the line is 1048").endsWith(" bytes long, over the limit of 1048576"
                + " bytes (BatchEvaluator.Builder.maxLineBytes)");
        assertThat(reasons.get(7)).isEqualTo("the JSON nests deeper than 32 levels; an event needs at most 4");
        assertThat(reasons.get(8)).isEqualTo("model_output holds a NUL character at index 8; text may not contain"
                + " \\u0000");
        assertThat(s.events()).isEqualTo(2);
        assertThat(strictRecords(out)).extracting(r -> r.path("line").asInt()).containsExactlyInAnyOrder(1, 9);

        // a second run resumes: nothing evaluated again, the bad lines skipped again, the file still valid
        int callsBefore = words.calls.get();
        BatchSummary again = batch(in, out).build().run();
        assertThat(again.resumed()).isEqualTo(2);
        assertThat(again.evaluatedNow()).isZero();
        assertThat(again.skippedLines()).hasSize(7);
        assertThat(words.calls.get()).isEqualTo(callsBefore);
        assertThat(strictRecords(out)).hasSize(2);
    }

    @Test
    void a_results_file_with_a_cut_off_multibyte_record_is_repaired_on_resume() throws IOException {
        Path in = Files.writeString(dir.resolve("in.jsonl"), line("q", "ünïcödé one two three four five six seven",
                "u", "length_ok") + "\n" + line("q", "second", "u", "length_ok") + "\n");
        Path out = dir.resolve("results.jsonl");
        batch(in, out).build().run();
        byte[] all = Files.readAllBytes(out);
        // the process died in the middle of a two-byte character of the last record
        int cut = all.length - 2;
        while (all[cut] != '\n') {
            cut--;
        }
        byte[] partial = Arrays.copyOf(all, cut + 1 + 40);
        partial = concat(partial, new byte[] {(byte) 0xC3});
        Files.write(out, partial);

        BatchSummary s = batch(in, out).build().run();

        assertThat(s.events()).isEqualTo(2);
        assertThat(s.resumed()).isEqualTo(1);
        assertThat(strictRecords(out)).hasSize(2);
    }

    @Test
    void an_output_that_is_the_input_is_refused_naming_both() throws IOException {
        Path in = Files.writeString(dir.resolve("in.jsonl"), line("q", "a", "t", "length_ok") + "\n");
        assertThatThrownBy(() -> batch(in, dir.resolve("sub/../in.jsonl")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("output must be another file than input, but both are: '" + in + "'; the run would"
                        + " overwrite what it reads");
        assertThatThrownBy(() -> batch(in, dir.resolve("out.jsonl")).summaryFile(in).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("summaryFile must be another file than input");
        Path link = Files.createSymbolicLink(dir.resolve("link.jsonl"), in);
        assertThatThrownBy(() -> batch(in, link).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("output must be another file than input");
        assertThat(Files.readString(in)).contains("\"model_output\":\"a\"");
    }

    @Test
    void a_misspelt_field_skips_its_line_unless_lenient_which_warns() throws IOException {
        String misspelt = line("q", "one two three four five six seven eight nine ten", "t", "length_ok")
                .replace("\"run_mode\"", "\"run_mod\"");
        Path in = Files.writeString(dir.resolve("in.jsonl"), misspelt + "\n");

        BatchSummary strict = batch(in, dir.resolve("strict.jsonl")).build().run();
        assertThat(strict.skippedLines()).singleElement().satisfies(l -> {
            assertThat(l.line()).isEqualTo(1);
            assertThat(l.reason()).startsWith("unknown field 'run_mod'; the fields allowed here are [capabilities,");
        });

        BatchSummary lenient = batch(in, dir.resolve("lenient.jsonl")).lenient(true).build().run();
        assertThat(lenient.skippedLines()).isEmpty();
        assertThat(lenient.events()).isEqualTo(1);
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("railguard batch: line 1: unknown field 'run_mod';");
        assertThat(strictRecords(dir.resolve("lenient.jsonl")).get(0).path("warnings").get(0).asText())
                .startsWith("unknown field 'run_mod'").endsWith("(ignored: lenient)");
    }

    @Test
    void the_line_limit_can_be_raised_and_is_validated() {
        assertThatThrownBy(() -> BatchEvaluator.builder().maxLineBytes(10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxLineBytes must be between 1024 and 67108864, but was: 10");
    }
}
