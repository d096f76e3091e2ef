package dev.railguard.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import org.junit.jupiter.api.Test;

class SimulatedJudgesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void each_judge_errs_at_the_rate_asked_and_two_judges_err_together_as_the_correlation_says() {
        double p = 0.2;
        double rho = 0.5;
        SimulatedJudges judges = SimulatedJudges.builder().truth((m, u) -> true).errorRate(p).correlation(rho)
                .seed(4).build();
        int units = 40_000;
        int a = 0;
        int b = 0;
        int both = 0;
        for (int i = 0; i < units; i++) {
            boolean ea = judges.errs("a", "correctness", "unit " + i);
            boolean eb = judges.errs("b", "correctness", "unit " + i);
            a += ea ? 1 : 0;
            b += eb ? 1 : 0;
            both += ea && eb ? 1 : 0;
        }
        assertThat((double) a / units).isCloseTo(p, within(0.01));
        assertThat((double) b / units).isCloseTo(p, within(0.01));
        // P(both) = rho p + (1 - rho) p^2, so the errors' correlation is rho
        assertThat((double) both / units).isCloseTo(rho * p + (1 - rho) * p * p, within(0.01));
    }

    @Test
    void answers_find_and_judge_verify_and_partition_calls_unit_by_line_with_the_true_verdicts() throws Exception {
        SimulatedJudges judges = SimulatedJudges.builder()
                .truth((metric, unit) -> unit.startsWith("True") ? Boolean.TRUE : unit.startsWith("False")
                        ? Boolean.FALSE : null).build();
        String output = "True: water is wet.\n\nFalse: fire is cold.";
        JsonNode reply = JSON.readTree(judges.judge("a").chat(request("railguard_correctness_units",
                fence("model_output", output))).aiMessage().text());
        assertThat(reply.path("units")).hasSize(2);
        assertThat(reply.path("units").get(0).path("text").asText()).isEqualTo("True: water is wet.");
        assertThat(reply.path("units").get(0).path("verdict").asText()).isEqualTo("Y");
        assertThat(reply.path("units").get(1).path("verdict").asText()).isEqualTo("N");
        assertThat(reply.path("units").get(1).path("confidence").asText()).isEqualTo("high");

        JsonNode verify = JSON.readTree(judges.judge("a").chat(request("railguard_correctness_verify",
                fence("model_output", output) + "\n\n" + fence("units", "[2] False: fire is cold.\n[1] True: water"
                        + " is wet."))).aiMessage().text());
        assertThat(verify.path("verdicts").get(0).path("id").asInt()).isEqualTo(2);
        assertThat(verify.path("verdicts").get(0).path("verdict").asText()).isEqualTo("N");
        assertThat(verify.path("verdicts").get(1).path("verdict").asText()).isEqualTo("Y");

        JsonNode partition = JSON.readTree(judges.judge("a").chat(request("railguard_partition_claim",
                fence("model_output", output))).aiMessage().text());
        assertThat(partition.path("units")).hasSize(2);
        assertThat(partition.path("units").get(1).has("verdict")).isFalse();
    }

    @Test
    void a_unit_without_a_known_truth_fails_the_call_instead_of_guessing() {
        SimulatedJudges judges = SimulatedJudges.builder().truth((metric, unit) -> null).build();
        assertThatThrownBy(() -> judges.judge("a").chat(request("railguard_correctness_units",
                fence("model_output", "Unknown claim."))))
                .hasMessageContaining("no true verdict for unit 'Unknown claim.' of metric 'correctness'");
    }

    @Test
    void a_flip_rate_inverts_verdicts_per_call() {
        SimulatedJudges judges = SimulatedJudges.builder().truth((m, u) -> true).flipRate(0.5).seed(9).build();
        ScriptedChatModel judge = judges.judge("a");
        int changed = 0;
        String previous = null;
        for (int i = 0; i < 200; i++) {
            String verdict = judge.chat(request("railguard_correctness_units", fence("model_output", "A claim.")))
                    .aiMessage().text();
            changed += previous != null && !previous.equals(verdict) ? 1 : 0;
            previous = verdict;
        }
        // consecutive calls disagree with probability 2q(1-q) = 0.5
        assertThat(changed).isBetween(70, 130);
        assertThatThrownBy(() -> SimulatedJudges.builder().errorRate(1.5))
                .hasMessage("errorRate must be between 0.0 and 1.0, but was: 1.5");
    }

    private static String fence(String label, String text) {
        return "<<<BEGIN " + label + " 12345678901234567890>>>\n" + text + "\n<<<END " + label
                + " 12345678901234567890>>>";
    }

    private static ChatRequest request(String schemaName, String user) {
        JsonSchema schema = JsonSchema.builder().name(schemaName).rootElement(JsonObjectSchema.builder().build())
                .build();
        return ChatRequest.builder().messages(SystemMessage.from("judge"), UserMessage.from(user))
                .responseFormat(ResponseFormat.builder().type(ResponseFormatType.JSON).jsonSchema(schema).build())
                .build();
    }
}
