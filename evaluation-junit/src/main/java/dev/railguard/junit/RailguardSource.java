package dev.railguard.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * One test per row of a dataset, for a {@code @ParameterizedTest}: each invocation gets a {@link RailguardCase} named
 * by the row's id (or its line), so a failing case shows by name in the IDE and in Surefire's report. The value is a
 * dataset of the project file (by name or path, any format it can read, CSV included), or a file of DeepRails events.
 * A row that cannot be read is a test that fails naming its line, never a silent skip.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ArgumentsSource(RailguardSourceProvider.class)
public @interface RailguardSource {

    /** A dataset name of the project file, or a path (relative to the working directory, else to the project file). */
    String value();
}
