package dev.railguard.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.railguard.api.Diagnostic;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.MetricResult;
import dev.railguard.api.ModelInput;
import dev.railguard.api.UnitVerdict;
import dev.railguard.api.Verdict;
import dev.railguard.engine.MetricRegistry;
import dev.railguard.engine.RailguardEvaluator;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The offline checks: pii, json_schema, regex, contains, and comprehensive safety's in-process part. */
class OfflineChecksTest {

    private static EvaluationRequest output(String text, String metric) {
        return EvaluationRequest.builder().modelInput(ModelInput.ofUserPrompt("q")).modelOutput(text)
                .metrics(metric).build();
    }

    private static MetricResult pii(String text) {
        return new PiiMetric().evaluate(output(text, "pii"), 1.0);
    }

    @Test
    void pii_finds_each_detector_with_its_span_and_type() {
        String text = "Mail jane.doe@example.com or call +44 20 7946 0958 / (415) 555-0132. Card 4111 1111 1111 1111,"
                + " IBAN DE89 3704 0044 0532 0130 00, SSN 536-22-1234, host 203.0.113.42 or 2001:db8:85a3::8a2e:370:7334.";
        List<PiiFinding> found = PiiMetric.find(text);

        assertThat(found).extracting(PiiFinding::type).containsExactly(PiiFinding.Type.EMAIL_ADDRESS, PiiFinding.Type.PHONE_NUMBER,
                PiiFinding.Type.PHONE_NUMBER, PiiFinding.Type.CREDIT_CARD, PiiFinding.Type.IBAN_CODE, PiiFinding.Type.US_SSN,
                PiiFinding.Type.IP_ADDRESS, PiiFinding.Type.IP_ADDRESS);
        assertThat(found).allSatisfy(f -> assertThat(text.substring(f.start(), f.end())).isEqualTo(f.text()));
        assertThat(found.get(0).text()).isEqualTo("jane.doe@example.com");
        assertThat(found.get(3).text()).isEqualTo("4111 1111 1111 1111");
        assertThat(found.get(4).text()).isEqualTo("DE89 3704 0044 0532 0130 00");

        MetricResult r = pii(text);
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.score().getAsDouble()).isZero();
        assertThat(r.units()).hasSize(8).noneMatch(UnitVerdict::satisfied);
        assertThat(r.units().get(0).label()).isEqualTo("email_address");
        assertThat(r.units().get(0).text()).isEqualTo("ja**.***@*******.*om");
        assertThat(r.units().get(0).reason()).isEqualTo("email_address at characters 5 to 25, score 1.00 (e-mail address"
                + " (Commons Validator))");
    }

    @Test
    void pii_checksums_reject_numbers_that_only_look_like_cards_or_ibans() {
        // Luhn fails (last digit changed), IBAN check digits wrong, SSN in a never-issued range, a build number
        assertThat(PiiMetric.find("Order 4111 1111 1111 1112 shipped.")).isEmpty();
        assertThat(PiiMetric.find("Account DE88 3704 0044 0532 0130 00.")).isEmpty();
        assertThat(PiiMetric.find("Ref 666-12-3456 and 000-12-3456.")).isEmpty();
        assertThat(PiiMetric.find("Tracking 0000000000000000.")).isEmpty();
    }

    @Test
    void pii_leaves_code_times_versions_and_loopback_addresses_alone() {
        String code = "Use std::vector and String::valueOf; bind to 127.0.0.1 or ::1 or 0.0.0.0 at 10:30:00;"
                + " MAC 00:1A:2B:3C:4D:5E; version 2.14.1; call list.size() 3 times.";
        MetricResult r = pii(code);

        assertThat(r.units()).isEmpty();
        assertThat(r.verdict()).isEqualTo(Verdict.PASS);
        assertThat(r.rationale()).isEqualTo("No PII found (25 types checked, min score 0.40).");
    }

    @Test
    void pii_leaves_dates_prices_order_numbers_and_hashes_alone() {
        String text = "Order NW-48213 of 2024-01-15 10:30 cost 1,299.00 EUR (ref 20240115-0042); sha1 "
                + "3f786850e387550fdab836ed7e6dc881de23001b; uuid 123e4567-e89b-12d3-a456-426614174000;"
                + " fingerprint 43:51:43:a1:b5:fc:8b:b7:0a:3a:a9:b1:0f:66:73:a8; card ending in 4242.";

        assertThat(PiiMetric.find(text)).isEmpty();
    }

    @Test
    void pii_finds_phone_numbers_in_their_common_written_forms() {
        assertThat(PiiMetric.find("Call +1 (415) 555-0132, 1-800-555-0199, 415.555.0132 or +33 1 42 68 53 00."))
                .extracting(PiiFinding::text)
                .containsExactly("+1 (415) 555-0132", "1-800-555-0199", "415.555.0132", "+33 1 42 68 53 00");
    }

    @Test
    void pii_restricted_to_some_types_ignores_the_others() {
        PiiMetric emailsOnly = PiiMetric.detecting("no_emails", PiiFinding.Type.EMAIL_ADDRESS);
        MetricResult r = emailsOnly.evaluate(output("SSN 536-22-1234", "no_emails"), 1.0);

        assertThat(r.verdict()).isEqualTo(Verdict.PASS);
        assertThat(emailsOnly.evaluate(output("a@b.io", "no_emails"), 1.0).verdict()).isEqualTo(Verdict.FAIL);
        assertThatThrownBy(() -> PiiMetric.detecting("x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("types must name at least one PII type, but was: []");
    }

    @Test
    void json_schema_default_checks_well_formedness_only() {
        JsonSchemaMetric m = new JsonSchemaMetric();

        assertThat(m.evaluate(output("{\"anything\": [1, 2]}", "json_schema"), 1.0).verdict()).isEqualTo(Verdict.PASS);
        MetricResult bad = m.evaluate(output("{\"a\": 1,}", "json_schema"), 1.0);
        assertThat(bad.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(bad.rationale()).startsWith("The output is not well-formed JSON at line 1, column 9: Unexpected character");
        assertThat(m.evaluate(output("{} trailing", "json_schema"), 1.0).verdict()).isEqualTo(Verdict.FAIL);
        assertThat(m.evaluate(output("", "json_schema"), 1.0).verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void json_schema_reports_each_violation_with_its_location() {
        JsonSchemaMetric order = JsonSchemaMetric.named("order_json", """
                {"type":"object","required":["sku","qty"],"additionalProperties":false,
                 "properties":{"sku":{"type":"string","pattern":"^[A-Z]{3}-\\\\d+$"},"qty":{"type":"integer","minimum":1}}}""");

        MetricResult ok = order.evaluate(output("```json\n{\"sku\":\"ABC-12\",\"qty\":2}\n```", "order_json"), 1.0);
        assertThat(ok.verdict()).isEqualTo(Verdict.PASS);
        assertThat(ok.diagnostics()).extracting(Diagnostic::message)
                .containsExactly("the output was wrapped in a Markdown code fence; its content was checked");

        MetricResult bad = order.evaluate(output("{\"sku\":\"abc\",\"qty\":0,\"note\":\"x\"}", "order_json"), 1.0);
        assertThat(bad.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(bad.units()).hasSize(3).extracting(UnitVerdict::text).containsExactly("$", "$.qty", "$.sku");
        assertThat(bad.units()).extracting(UnitVerdict::label)
                .containsExactlyInAnyOrder("additionalProperties", "minimum", "pattern");
        assertThat(bad.rationale()).startsWith("The output does not conform to the schema: 3 violations: ");
    }

    @Test
    void json_schema_rejects_a_schema_that_is_not_json() {
        assertThatThrownBy(() -> JsonSchemaMetric.named("x", "{type: object"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("schema of 'x' must be JSON");
        assertThatThrownBy(() -> JsonSchemaMetric.named("Bad Name", "{}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("name must be snake_case ([a-z][a-z0-9_]*), but was: 'Bad Name'");
    }

    @Test
    void regex_must_match_and_must_not_match_report_spans() {
        RegexMetric ticket = RegexMetric.mustMatch("cites_ticket", Pattern.compile("TICKET-\\d{4,}"));
        RegexMetric noInternal = RegexMetric.mustNotMatch("no_internal_urls",
                Pattern.compile("https?://[\\w.-]+\\.internal\\b"));

        MetricResult hit = ticket.evaluate(output("See TICKET-12345.", "cites_ticket"), 1.0);
        assertThat(hit.verdict()).isEqualTo(Verdict.PASS);
        assertThat(hit.units().get(0).reason()).isEqualTo("matches /TICKET-\\d{4,}/ at characters 4 to 16");
        assertThat(ticket.evaluate(output("No ticket.", "cites_ticket"), 1.0).verdict()).isEqualTo(Verdict.FAIL);

        MetricResult leak = noInternal.evaluate(output("Try http://wiki.internal or https://jira.internal/x",
                "no_internal_urls"), 1.0);
        assertThat(leak.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(leak.units()).extracting(UnitVerdict::text)
                .containsExactly("http://wiki.internal", "https://jira.internal");
    }

    @Test
    void contains_all_any_none_score_the_share_of_phrases_that_satisfy_the_rule() {
        String text = "Refunds are issued within 30  DAYS to the original card.";
        MetricResult all = ContainsMetric.all("refund_terms", "30 days", "original card", "receipt")
                .evaluate(output(text, "refund_terms"), 1.0);
        assertThat(all.score().getAsDouble()).isEqualTo(2.0 / 3.0);
        assertThat(all.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(all.units().get(0).reason()).isEqualTo("present at characters 26 to 34");
        assertThat(all.rationale()).startsWith("The output lacks 'receipt'.");

        assertThat(ContainsMetric.any("x", "receipt", "refund").evaluate(output(text, "x"), 1.0).verdict())
                .isEqualTo(Verdict.PASS);
        MetricResult none = ContainsMetric.none("no_comp", "Acme", "Globex").evaluate(output("Unlike acme, we...", "no_comp"), 0.5);
        assertThat(none.score().getAsDouble()).isEqualTo(0.5);
        assertThat(none.verdict()).isEqualTo(Verdict.PASS);
        assertThatThrownBy(() -> ContainsMetric.all("x")).hasMessage("phrases must name at least one phrase, but was: []");
    }

    @Test
    void offline_checks_run_through_an_evaluator_without_any_judge() {
        MetricRegistry registry = MetricRegistry.installed().with(RegexMetric.mustMatch("cites_ticket",
                Pattern.compile("TICKET-\\d+")));
        try (RailguardEvaluator evaluator = RailguardEvaluator.builder().metrics(registry).build()) {
            EvaluationResult r = evaluator.evaluate(EvaluationRequest.builder()
                    .modelInput(ModelInput.ofUserPrompt("Give me the order as JSON"))
                    .modelOutput("{\"email\": \"bob@corp-mail.com\", \"ticket\": \"TICKET-9\"}")
                    .metrics("json_schema", "pii", "cites_ticket").build());

            assertThat(r.metric("json_schema").verdict()).isEqualTo(Verdict.PASS);
            assertThat(r.metric("pii").verdict()).isEqualTo(Verdict.FAIL);
            assertThat(r.metric("cites_ticket").verdict()).isEqualTo(Verdict.PASS);
            assertThat(r.usage().judgeCalls()).isZero();
        }
    }

    @Test
    void comprehensive_safety_fallback_uses_pii_and_names_what_it_did_not_check() {
        var fallback = new ComprehensiveSafetyMetric().inProcessFallback().orElseThrow();
        EvaluationRequest leak = output("Her card is 5500 0000 0000 0004.", "comprehensive_safety");

        MetricResult r = fallback.evaluate(leak, 1.0);
        assertThat(fallback.name()).isEqualTo("comprehensive_safety");
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.units()).singleElement().satisfies(u -> assertThat(u.label()).isEqualTo("pii"));
        MetricResult clean = fallback.evaluate(output("Drink water.", "comprehensive_safety"), 1.0);
        assertThat(clean.verdict()).isEqualTo(Verdict.PASS);
        assertThat(clean.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Diagnostic.Severity.WARNING);
            assertThat(d.message()).endsWith("not checked without a judge: cbrn, hate_or_harassment,"
                    + " violence_or_threats, sexual, self_harm_or_harmful_instructions");
        });
    }

    @Test
    void a_schema_that_breaks_its_meta_schema_is_a_configuration_error_not_a_fail_for_every_output() {
        assertThatThrownBy(() -> JsonSchemaMetric.named("order_json", "{\"type\": \"strin\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("schema of 'order_json' is not a valid JSON schema"
                        + " (https://json-schema.org/draft/2020-12/schema): $.type: ");
        assertThatThrownBy(() -> JsonSchemaMetric.named("order_json", "{\"minLength\": -1}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("schema of 'order_json' is not a valid JSON schema")
                .hasMessageContaining("$.minLength");
        assertThat(JsonSchemaMetric.named("order_json", "{\"type\": \"object\", \"required\": [\"id\"]}")
                .hasSchema()).isTrue();
    }
}
