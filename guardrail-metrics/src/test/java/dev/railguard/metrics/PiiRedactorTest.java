package dev.railguard.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PiiRedactorTest {

    private static final String TEXT = "🙂 東京の田中さん: jane.doe@example.com, card 4111 1111 1111 1111, ☎ +44 20 7946 0958.";

    @Test
    void type_tags_replace_each_finding_and_keep_the_text_around_multi_byte_characters_intact() {
        assertThat(PiiRedactor.typeTags().redact(TEXT))
                .isEqualTo("🙂 東京の田中さん: <EMAIL_ADDRESS>, card <CREDIT_CARD>, ☎ <PHONE_NUMBER>.");
    }

    @Test
    void a_fixed_mask_replaces_every_finding_alike() {
        assertThat(PiiRedactor.mask("[REDACTED]").redact(TEXT))
                .isEqualTo("🙂 東京の田中さん: [REDACTED], card [REDACTED], ☎ [REDACTED].");
    }

    @Test
    void a_keyed_hash_is_stable_per_value_and_depends_on_the_key() {
        PiiRedactor a = PiiRedactor.keyedHash("0123456789abcdef".getBytes(StandardCharsets.UTF_8));
        PiiRedactor b = PiiRedactor.keyedHash("fedcba9876543210".getBytes(StandardCharsets.UTF_8));
        String once = a.redact("write to jane.doe@example.com");
        assertThat(once).matches("write to <EMAIL_ADDRESS:[0-9a-f]{12}>");
        assertThat(a.redact("cc jane.doe@example.com")).endsWith(once.substring(9));
        assertThat(a.redact("cc john@example.com")).doesNotEndWith(once.substring(9));
        assertThat(b.redact("write to jane.doe@example.com")).isNotEqualTo(once);
    }

    @Test
    void the_detector_decides_what_is_redacted() {
        PiiRedactor emailsOnly = PiiRedactor.typeTags().using(PiiMetric.detecting("emails", PiiFinding.Type.EMAIL_ADDRESS));
        assertThat(emailsOnly.redact("jane@example.com, 4111 1111 1111 1111"))
                .isEqualTo("<EMAIL_ADDRESS>, 4111 1111 1111 1111");
        assertThat(PiiRedactor.typeTags().redact("Order 4111 1111 1111 1112 shipped.")).isEqualTo(
                "Order 4111 1111 1111 1112 shipped.");
        assertThat(PiiRedactor.typeTags().redact(null)).isNull();
    }

    @Test
    void overlapping_findings_are_replaced_once() {
        String text = "SSN 536-22-1234";
        PiiFinding all = new PiiFinding(PiiFinding.Type.US_SSN, 4, 15, "536-22-1234", 0.6, "r");
        PiiFinding part = new PiiFinding(PiiFinding.Type.US_BANK_NUMBER, 8, 15, "22-1234", 0.4, "r");
        assertThat(PiiRedactor.typeTags().redact(text, List.of(part, all))).isEqualTo("SSN <US_SSN>");
    }

    @Test
    void bad_settings_are_refused_naming_the_field() {
        assertThatThrownBy(() -> PiiRedactor.mask("")).hasMessage("mask must not be empty, but was: ''");
        assertThatThrownBy(() -> PiiRedactor.keyedHash(new byte[8])).hasMessage("key must have at least 16 bytes, but"
                + " had: 8");
        assertThatThrownBy(() -> PiiRedactor.typeTags().redact("ab", List.of(new PiiFinding(PiiFinding.Type.URL, 0, 5,
                "abcde", 1, "r")))).hasMessage("findings must lie in the text (length 2), but one spans 0..5");
    }
}
