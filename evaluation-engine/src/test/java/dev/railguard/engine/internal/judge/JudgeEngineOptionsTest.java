package dev.railguard.engine.internal.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.railguard.engine.EvaluatorSettings;
import dev.railguard.engine.PriceTable;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The engine's options hold the disk cache's secret; printing them must not show it. */
class JudgeEngineOptionsTest {

    @Test
    void the_options_say_whether_a_cache_secret_is_set_but_never_print_it() {
        String secret = "cache-hmac-" + "s3cr3t".repeat(6);
        JudgeEngine.Options options = new JudgeEngine.Options(EvaluatorSettings.DEFAULTS, Map.of(), PriceTable.NONE,
                null, secret);
        assertThat(options.toString()).doesNotContain(secret).doesNotContain("s3cr3t")
                .contains("cacheSecret=(set, not shown)").contains("settings=" + EvaluatorSettings.DEFAULTS);
        assertThat(new JudgeEngine.Options(EvaluatorSettings.DEFAULTS, Map.of(), PriceTable.NONE, null, null)
                .toString()).contains("cacheSecret=none");
    }
}
