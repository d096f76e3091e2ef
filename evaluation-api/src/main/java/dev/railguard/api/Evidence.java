package dev.railguard.api;

/**
 * A labelled, untrusted text a judge sees besides the output: the user prompt, the documents, the ground truth.
 * The engine puts it between per-call nonce delimiters and tells the judge it is data, not instructions.
 *
 * @param label a short snake_case label, for example {@code "ground_truth"}
 * @param text  the text; never {@code null}
 */
public record Evidence(String label, String text) {
    /** Validates. */
    public Evidence {
        Checks.nonBlank(label, "evidence.label");
        Checks.notNull(text, "evidence.text");
    }
}
