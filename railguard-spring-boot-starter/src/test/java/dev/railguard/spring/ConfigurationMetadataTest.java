package dev.railguard.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.railguard.api.RunMode;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The metadata IDEs complete {@code railguard.*} from: every property described, the closed sets hinted. */
class ConfigurationMetadataTest {

    static JsonNode metadata() throws Exception {
        try (InputStream in = ConfigurationMetadataTest.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("the configuration processor's metadata on the class path").isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void every_railguard_property_has_a_description() throws Exception {
        Map<String, String> descriptions = new TreeMap<>();
        for (JsonNode p : metadata().path("properties")) {
            if (p.path("name").asText().startsWith("railguard.")) {
                descriptions.put(p.path("name").asText(), p.path("description").asText(""));
            }
        }
        assertThat(descriptions).containsKeys("railguard.run-mode", "railguard.self-judging", "railguard.judges",
                "railguard.judge.base-url", "railguard.cache.enabled", "railguard.limits.max-concurrent-judge-calls",
                "railguard.monitors", "railguard.workflows", "railguard.advisor.workflow", "railguard.thresholds",
                "railguard.config");
        assertThat(descriptions).allSatisfy((name, description) -> assertThat(description).as(name).isNotBlank());
    }

    @Test
    void the_run_mode_hint_lists_every_run_mode() throws Exception {
        List<String> values = new ArrayList<>();
        for (JsonNode h : metadata().path("hints")) {
            if (h.path("name").asText().equals("railguard.run-mode")) {
                h.path("values").forEach(v -> values.add(v.path("value").asText()));
            }
        }
        assertThat(values).isEqualTo(RunMode.wireNames());
    }
}
