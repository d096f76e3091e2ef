package dev.railguard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.railguard.api.EvaluationResult;
import dev.railguard.engine.internal.cache.DiskCache;
import dev.railguard.engine.internal.call.EngineCounters;
import dev.railguard.testkit.StubOpenAiServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The directory cache never lies: an entry is bound to its key, re-validated against the call's schema on every read,
 * refused when written in the future, and with a secret signed so that an edit with a recomputed checksum is caught.
 * Each tampering keeps the file well-formed (length and checksum recomputed), as a deliberate edit would.
 */
class DiskCacheIntegrityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private StubOpenAiServer server;

    @BeforeEach
    void start() {
        server = StubOpenAiServer.start(ScaleFixtures::goodReply);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private RailguardEvaluator evaluator() {
        return RailguardEvaluator.builder()
                .judges(JudgePanel.single("judge", ScaleFixtures.model(server.baseUrl())))
                .metrics(ScaleFixtures.registry())
                .cacheDirectory(dir)
                .build();
    }

    private EvaluationResult evaluate(int i) {
        try (RailguardEvaluator e = evaluator()) {
            return e.evaluate(ScaleFixtures.request(i));
        }
    }

    private List<Path> entries() throws Exception {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    /** Rewrites the payload of {@code file} with {@code edit} and a fresh length and checksum (no HMAC). */
    private static void tamper(Path file, UnaryOperator<ObjectNode> edit) throws Exception {
        String all = Files.readString(file, StandardCharsets.UTF_8);
        int nl = all.indexOf('\n');
        String[] header = all.substring(0, nl).split(" ");
        ObjectNode payload = edit.apply((ObjectNode) JSON.readTree(all.substring(nl + 1)));
        byte[] body = payload.toString().getBytes(StandardCharsets.UTF_8);
        String newHeader = header[0] + " " + header[1] + " " + body.length + " " + DiskCache.sha256(body) + " "
                + (header.length > 4 ? header[4] : "-");
        Files.writeString(file, newHeader + "\n" + new String(body, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    @Test
    void an_entry_copied_over_another_key_is_recomputed_not_trusted() throws Exception {
        String seven = ScaleFixtures.essence(evaluate(7));
        String eight = ScaleFixtures.essence(evaluate(8));
        assertThat(seven).isNotEqualTo(eight.replace("n8", "n7"));
        assertThat(server.requestCount()).isEqualTo(2);
        Path sevenFile = entries().stream().filter(p -> {
            try {
                return Files.readString(p).contains("claim 0 of 7");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).findFirst().orElseThrow();
        Path eightFile = entries().stream().filter(p -> !p.equals(sevenFile)).findFirst().orElseThrow();
        Files.copy(eightFile, sevenFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        try (RailguardEvaluator e = evaluator()) {
            EvaluationResult again = e.evaluate(ScaleFixtures.request(7));
            assertThat(ScaleFixtures.essence(again)).isEqualTo(seven);
            assertThat(again.usage().judgeCalls()).isEqualTo(1);
            assertThat(e.judgeStats().corruptCacheEntries()).isEqualTo(1);
        }
        assertThat(server.requestCount()).isEqualTo(3);
    }

    @Test
    void a_reply_edited_to_break_the_schema_is_recomputed_on_reading() throws Exception {
        String expected = ScaleFixtures.essence(evaluate(4));
        tamper(entries().get(0), p -> {
            p.putObject("reply").put("units", "none");
            return p;
        });
        try (RailguardEvaluator e = evaluator()) {
            EvaluationResult again = e.evaluate(ScaleFixtures.request(4));
            assertThat(ScaleFixtures.essence(again)).isEqualTo(expected);
            assertThat(again.usage().judgeCalls()).isEqualTo(1);
            assertThat(e.judgeStats().corruptCacheEntries()).isEqualTo(1);
        }
    }

    @Test
    void an_entry_written_in_the_future_is_refused() throws Exception {
        String expected = ScaleFixtures.essence(evaluate(5));
        tamper(entries().get(0), p -> {
            p.put("writtenAt", Instant.now().plus(Duration.ofDays(365)).toString());
            return p;
        });
        try (RailguardEvaluator e = evaluator()) {
            EvaluationResult again = e.evaluate(ScaleFixtures.request(5));
            assertThat(ScaleFixtures.essence(again)).isEqualTo(expected);
            assertThat(again.usage().judgeCalls()).isEqualTo(1);
            assertThat(e.judgeStats().corruptCacheEntries()).isEqualTo(1);
        }
    }

    @Test
    void an_untouched_entry_is_still_a_hit() throws Exception {
        String expected = ScaleFixtures.essence(evaluate(6));
        try (RailguardEvaluator e = evaluator()) {
            EvaluationResult again = e.evaluate(ScaleFixtures.request(6));
            assertThat(ScaleFixtures.essence(again)).isEqualTo(expected);
            assertThat(again.usage().judgeCalls()).isZero();
            assertThat(again.usage().cacheHits()).isEqualTo(1);
        }
    }

    @Test
    void with_a_secret_an_edit_whose_checksum_was_recomputed_is_detected() throws Exception {
        byte[] secret = "s3cret-for-the-cache".getBytes(StandardCharsets.UTF_8);
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        DiskCache signed = new DiskCache(dir, Duration.ofDays(14), clock, new EngineCounters(), secret);
        JsonNode reply = JSON.readTree("{\"units\":[{\"text\":\"a\",\"verdict\":\"N\"}]}");
        String key = "ab" + "0".repeat(62);
        signed.write(key, reply, List.of());
        assertThat(signed.read(key)).map(DiskCache.Entry::reply).contains(reply);

        // a schema-valid edit (N -> Y) with the checksum recomputed
        tamper(signed.fileOf(key), p -> {
            ((ObjectNode) p.get("reply").get("units").get(0)).put("verdict", "Y");
            return p;
        });
        DiskCache unsigned = new DiskCache(dir, Duration.ofDays(14), clock, new EngineCounters());
        // without a secret the checksum alone cannot tell: documented in the README
        assertThat(unsigned.read(key)).map(en -> en.reply().get("units").get(0).get("verdict").asText())
                .contains("Y");
        EngineCounters counters = new EngineCounters();
        DiskCache checking = new DiskCache(dir, Duration.ofDays(14), clock, counters, secret);
        assertThat(checking.read(key)).isEqualTo(Optional.empty());
        assertThat(counters.corruptCacheEntries.sum()).isEqualTo(1);
        assertThat(signed.fileOf(key)).doesNotExist();

        // an entry written without the secret is not trusted by a cache that has one
        unsigned.write(key, reply, List.of());
        assertThat(checking.read(key)).isEmpty();
        // nor one signed with another secret
        new DiskCache(dir, Duration.ofDays(14), clock, new EngineCounters(), "other".getBytes(StandardCharsets.UTF_8))
                .write(key, reply, List.of());
        assertThat(checking.read(key)).isEmpty();
    }

    @Test
    void a_cache_directory_that_cannot_be_written_fails_the_build_naming_it() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a directory");
        Path below = file.resolve("cache");
        assertThatThrownBy(() -> RailguardEvaluator.builder()
                .judges(JudgePanel.single("judge", ScaleFixtures.model(server.baseUrl())))
                .metrics(ScaleFixtures.registry())
                .cacheDirectory(below)
                .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cacheDirectory '" + below + "' cannot be created or written")
                .hasMessageContaining("give a writable directory, or leave cacheDirectory unset");
    }

    @Test
    void a_cache_secret_on_the_builder_signs_entries_and_catches_an_edit_with_a_recomputed_checksum() throws Exception {
        String secret = "builder-cache-secret-0123456789";
        RailguardEvaluator.Builder signed = RailguardEvaluator.builder()
                .judges(JudgePanel.single("judge", ScaleFixtures.model(server.baseUrl())))
                .metrics(ScaleFixtures.registry()).cacheDirectory(dir).cacheSecret(secret);
        String expected;
        try (RailguardEvaluator e = signed.build()) {
            expected = ScaleFixtures.essence(e.evaluate(ScaleFixtures.request(9)));
        }
        assertThat(Files.readString(entries().get(0)).lines().findFirst().orElseThrow()).doesNotEndWith(" -");
        // a schema-valid edit: every verdict flipped to Y, checksum recomputed (the HMAC cannot be)
        tamper(entries().get(0), p -> {
            p.get("reply").get("units").forEach(u -> ((ObjectNode) u).put("verdict", "Y"));
            return p;
        });
        try (RailguardEvaluator e = signed.build()) {
            EvaluationResult again = e.evaluate(ScaleFixtures.request(9));
            assertThat(ScaleFixtures.essence(again)).isEqualTo(expected);
            assertThat(again.usage().judgeCalls()).isEqualTo(1);
            assertThat(e.judgeStats().corruptCacheEntries()).isEqualTo(1);
        }
        assertThatThrownBy(() -> RailguardEvaluator.builder().cacheSecret("short"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cacheSecret length must be at least 16, but was: 5");
    }

    @Test
    void judge_limits_for_a_judge_the_panel_does_not_have_fail_the_build() {
        assertThatThrownBy(() -> RailguardEvaluator.builder()
                .judges(JudgePanel.single("judge", ScaleFixtures.model(server.baseUrl())))
                .judgeLimits("jduge", JudgeLimits.ofConcurrency(4))
                .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("judgeLimits names judge 'jduge', which the judge panel does not have; its judges are"
                        + " [judge]");
    }
}
