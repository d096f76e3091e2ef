package dev.railguard.api;

/**
 * A labelled, untrusted text a judge sees besides the output: the user prompt, the documents, the ground truth.
 * The engine puts it between per-call nonce delimiters and tells the judge it is data, not instructions.
 *
 * <p>{@code dev.railguard.format.PromptSections} renders the parts of a {@link ModelInput} the one way every judge
 * prompt shows them, labelled with the DeepRails field each quotes.
 *
 * @param label a short snake_case label: the DeepRails field it quotes, where it quotes one
 * @param text  the text; never {@code null}
 */
public record Evidence(String label, String text) {

    /** Validates. */
    public Evidence {
        Checks.nonBlank(label, "evidence.label");
        Checks.notNull(text, "evidence.text");
    }
}
