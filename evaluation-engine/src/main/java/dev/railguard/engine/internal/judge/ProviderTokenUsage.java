package dev.railguard.engine.internal.judge;

import dev.railguard.engine.PriceTable;
import dev.railguard.engine.batchapi.internal.BilledTokenUsage;

import dev.langchain4j.model.output.TokenUsage;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The prompt-cache tokens a synchronous reply reports in a provider module's {@link TokenUsage} subclass, read by
 * accessor name so that the engine links no provider module: OpenAI's {@code inputTokensDetails().cachedTokens()}
 * (part of its input count), Gemini's {@code cachedContentTokenCount()} (part of its input count) and Anthropic's
 * {@code cacheReadInputTokens()}/{@code cacheCreationInputTokens()} (outside its input count, billed by
 * {@link PriceTable.CacheBilling#ANTHROPIC}). Any judge's model is read, whoever built it ({@code Judge.of} with a
 * user's own model as well as a project file's judges), which a seam handed over by the module that builds models
 * from project files would miss.
 */
final class ProviderTokenUsage {

    private static final String OPENAI = "dev.langchain4j.model.openai.OpenAiTokenUsage";
    private static final String ANTHROPIC = "dev.langchain4j.model.anthropic.AnthropicTokenUsage";
    private static final String GEMINI = "dev.langchain4j.model.googleai.GoogleAiGeminiTokenUsage";

    private ProviderTokenUsage() {}

    /**
     * {@code tokens} as a {@link BilledTokenUsage} at synchronous prices when its provider reported tokens read from
     * or written to its prompt cache; otherwise {@code tokens} itself.
     */
    static TokenUsage billed(TokenUsage tokens) {
        if (tokens == null || tokens instanceof BilledTokenUsage) {
            return tokens;
        }
        int in = tokens.inputTokenCount() == null ? 0 : tokens.inputTokenCount();
        int out = tokens.outputTokenCount() == null ? 0 : tokens.outputTokenCount();
        String provider = providerClass(tokens.getClass());
        if (OPENAI.equals(provider)) {
            int cached = count(call(call(tokens, "inputTokensDetails"), "cachedTokens"));
            return cached == 0 ? tokens : new BilledTokenUsage(in, cached, out, false);
        }
        if (GEMINI.equals(provider)) {
            int cached = count(call(tokens, "cachedContentTokenCount"));
            return cached == 0 ? tokens : new BilledTokenUsage(in, cached, out, false);
        }
        if (ANTHROPIC.equals(provider)) {
            int read = count(call(tokens, "cacheReadInputTokens"));
            int written = count(call(tokens, "cacheCreationInputTokens"));
            return read == 0 && written == 0 ? tokens : new BilledTokenUsage(in + read + written, read, written, out,
                    PriceTable.CacheBilling.ANTHROPIC, false);
        }
        return tokens;
    }

    private static String providerClass(Class<?> type) {
        for (Class<?> c = type; c != null && c != TokenUsage.class; c = c.getSuperclass()) {
            String name = c.getName();
            if (name.equals(OPENAI) || name.equals(ANTHROPIC) || name.equals(GEMINI)) {
                return name;
            }
        }
        return null;
    }

    /** {@code target.accessor()}, or null when the target is null or has no such public accessor. */
    private static Object call(Object target, String accessor) {
        if (target == null) {
            return null;
        }
        try {
            Method method = target.getClass().getMethod(accessor);
            return method.invoke(target);
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            // a provider module that renamed the accessor: the reply is priced without its cache tokens
            return null;
        }
    }

    private static int count(Object value) {
        return value instanceof Integer n && n > 0 ? n : 0;
    }
}
