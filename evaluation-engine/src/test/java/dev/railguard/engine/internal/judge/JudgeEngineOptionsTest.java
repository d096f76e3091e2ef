package dev.railguard.engine.internal.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.railguard.engine.EvaluatorSettings;
import dev.railguard.engine.PriceTable;
import dev.railguard.engine.batchapi.BatchApi;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The engine's options hold the disk cache's secret and the batch API's key; printing them must show neither. */
class JudgeEngineOptionsTest {

    @Test
    void the_options_say_whether_a_cache_secret_is_set_but_never_print_it_nor_the_batch_apis_key() {
        String secret = "cache-hmac-" + "s3cr3t".repeat(6);
        String key = "sk-batch-" + "k3y".repeat(8);
        JudgeEngine.Options options = new JudgeEngine.Options(EvaluatorSettings.DEFAULTS, Map.of(), PriceTable.NONE,
                null, secret, BatchApi.openAi("http://127.0.0.1:1/v1", key).build());
        assertThat(options.toString()).doesNotContain(secret).doesNotContain("s3cr3t").doesNotContain("k3y")
                .contains("cacheSecret=(set, not shown)").contains("settings=" + EvaluatorSettings.DEFAULTS)
                .contains("batchApi=BatchApi[openai at http://127.0.0.1:1/v1]");
        assertThat(new JudgeEngine.Options(EvaluatorSettings.DEFAULTS, Map.of(), PriceTable.NONE, null, null, null)
                .toString()).contains("cacheSecret=none").contains("batchApi=null");
    }
}
