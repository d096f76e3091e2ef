package dev.railguard.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The judge providers a project file ({@code provider:}) or {@code RAILGUARD_JUDGE_PROVIDER} may name. OpenAI, Azure
 * OpenAI and Ollama are called through LangChain4j's OpenAI module (Azure's v1 endpoint and Ollama's {@code /v1} speak
 * OpenAI's API); Anthropic and Gemini through their own LangChain4j modules, which are optional dependencies: add the
 * one you use.
 */
public enum JudgeProvider {
    /** OpenAI, and any OpenAI-compatible server (vLLM, LM Studio, a gateway) by its base URL. */
    OPENAI("openai", "https://api.openai.com/v1", null, "OPENAI_API_KEY"),
    /** Azure OpenAI's v1 endpoint, {@code https://RESOURCE.openai.azure.com/openai/v1}; the model is the deployment. */
    AZURE_OPENAI("azure-openai", null, null, "AZURE_OPENAI_API_KEY"),
    /** Anthropic's messages API; needs {@code dev.langchain4j:langchain4j-anthropic}. */
    ANTHROPIC("anthropic", "https://api.anthropic.com/v1/", "dev.langchain4j:langchain4j-anthropic", "ANTHROPIC_API_KEY"),
    /** Google's Gemini API ({@code generateContent}); needs {@code dev.langchain4j:langchain4j-google-ai-gemini}. */
    GEMINI("gemini", "https://generativelanguage.googleapis.com/v1beta", "dev.langchain4j:langchain4j-google-ai-gemini",
            "GEMINI_API_KEY"),
    /** Ollama through its OpenAI-compatible endpoint; no key. */
    OLLAMA("ollama", "http://localhost:11434/v1", null, null);

    private final String wireName;
    private final String defaultBaseUrl;
    private final String module;
    private final String keyVariable;

    JudgeProvider(String wireName, String defaultBaseUrl, String module, String keyVariable) {
        this.wireName = wireName;
        this.defaultBaseUrl = defaultBaseUrl;
        this.module = module;
        this.keyVariable = keyVariable;
    }

    /** The name in files and variables: {@code openai}, {@code azure-openai}, {@code anthropic}, ... */
    public String wireName() {
        return wireName;
    }

    /** The endpoint used when none is given; empty for Azure OpenAI, whose endpoint is the user's resource. */
    public Optional<String> defaultBaseUrl() {
        return Optional.ofNullable(defaultBaseUrl);
    }

    /** The Maven coordinates of the LangChain4j module this provider needs beyond the OpenAI one, if any. */
    public Optional<String> module() {
        return Optional.ofNullable(module);
    }

    /** The provider's usual key variable ({@code ANTHROPIC_API_KEY}), read when RAILGUARD_JUDGE_API_KEY is unset. */
    public Optional<String> keyVariable() {
        return Optional.ofNullable(keyVariable);
    }

    /** The wire names of all providers. */
    public static List<String> wireNames() {
        return Arrays.stream(values()).map(JudgeProvider::wireName).toList();
    }

    /**
     * The provider named {@code name} (case ignored).
     *
     * @throws IllegalArgumentException naming the value and the providers there are
     */
    public static JudgeProvider of(String name) {
        for (JudgeProvider p : values()) {
            if (p.wireName.equals(name == null ? null : name.trim().toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException("provider must be one of " + wireNames() + ", but was: '" + name + "'");
    }
}
