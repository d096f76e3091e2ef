package dev.railguard.evals.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Map;

/** The JSON mapper of eval runs: snake_case keys (Agno's), nulls kept (Jackson's default inclusion), ISO-8601 timestamps. */
public final class EvalJson {

    /** A JSON object as a map, for {@code convertValue}. */
    public static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private EvalJson() {}
}
