package dev.railguard.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.railguard.telemetry.internal.Texts;
import org.junit.jupiter.api.Test;

class TextsTest {

    @Test
    void secrets_of_common_shapes_are_redacted_and_the_rest_is_kept() {
        String fakeKey = "sk-" + "abcdefghijklmnopqrstuvwxyz012345";   // built here so no key-shaped literal is committed
        String text = "key " + fakeKey + ", header Authorization: Bearer eyJhbGciOi.eyJzdWIiOiIx.c2lnbmF0dXJl"
                + " token=ghp_abcdefghijklmnopqrstuvwxyz0123 \"api_key\": \"s3cr3tv4lue\" AKIAABCDEFGHIJKLMNOP password=hunter22";
        String redacted = Texts.redact(text);
        assertThat(redacted).doesNotContain("sk-abc", "eyJ", "ghp_", "s3cr3t", "AKIA", "hunter22")
                .contains("key [REDACTED]", "Bearer [REDACTED]", "\"api_key\": \"[REDACTED]", "password=[REDACTED]");
        assertThat(Texts.redact("the score was 0.8 for 3 claims")).isEqualTo("the score was 0.8 for 3 claims");
    }

    @Test
    void trimming_collapses_whitespace_and_says_how_much_was_cut() {
        assertThat(Texts.trimmed("a  b\n\nc", 100)).isEqualTo("a b c");
        assertThat(Texts.trimmed("x".repeat(50), 20)).isEqualTo("x".repeat(20) + "... (30 more characters)");
        assertThat(Texts.trimmed(null, 20)).isNull();
    }
}
