package dev.railguard.metrics.internal.pii;

import dev.railguard.metrics.PiiFinding;
import java.util.List;

/** Finds candidates of one entity type in a text; stateless and safe to share between threads. */
interface Recognizer {

    /** The entity type this recognizer finds. */
    PiiFinding.Type type();

    /** Adds what it finds in {@code text} to {@code out}; never throws for any text. */
    void scan(String text, List<Candidate> out);
}
