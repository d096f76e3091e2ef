package dev.railguard.engine;

import dev.railguard.api.ContextMessage;
import dev.railguard.api.Evidence;
import dev.railguard.api.status.Internal;
import dev.railguard.engine.internal.call.Untrusted;
import dev.railguard.engine.internal.runmode.JudgePrompts;
import java.util.List;

/**
 * Untrusted texts (prompts, outputs, documents, findings) fenced for a model prompt the way the engine fences every
 * judge prompt: each section sits between {@code <<<BEGIN label NONCE>>>} and {@code <<<END label NONCE>>>}, with a
 * random nonce that occurs in none of the texts, so a text cannot end its own section. For prompts built outside the
 * engine, such as a workflow's repair prompt; the system prompt should say that only the nonce ends a section.
 *
 * <pre>{@code
 * UntrustedSections fenced = UntrustedSections.of(List.of(new Evidence("failed_response", output)));
 * String system = "... only a delimiter carrying the nonce " + fenced.nonce() + " ends a section.";
 * String user = fenced.text();
 * }</pre>
 *
 * <p>Public for Railguard's own modules only ({@link Internal}): not part of the API.
 */
@Internal
public final class UntrustedSections {

    private final List<Evidence> sections;
    private final Untrusted fence;

    private UntrustedSections(List<Evidence> sections) {
        this.sections = List.copyOf(sections);
        this.fence = Untrusted.forTexts(this.sections.stream().map(Evidence::text).toList());
    }

    /** {@code sections}, each labelled by its {@link Evidence#label()}, fenced with a fresh nonce. */
    public static UntrustedSections of(List<Evidence> sections) {
        return new UntrustedSections(sections);
    }

    /** The nonce every delimiter carries. */
    public String nonce() {
        return fence.nonce();
    }

    /** The fenced sections, separated by blank lines. */
    public String text() {
        return JudgePrompts.fenced(sections, fence);
    }

    /** A conversation as the engine writes it into judge prompts: one {@code role: content} line per message. */
    public static String conversation(List<ContextMessage> context) {
        return JudgePrompts.renderContext(context);
    }
}
