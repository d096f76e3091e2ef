package dev.railguard.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class judged by Railguard with the judges, metrics and thresholds of a project file: tests may declare
 * an {@link dev.railguard.api.Evaluator} parameter (built from the file, shared by every class of the run that names
 * the same file), and {@link RailguardSource @RailguardSource} reads the file's datasets.
 *
 * <pre>{@code
 * @Railguard(config = "railguard.yaml")
 * class SupportAnswersTest {
 *     @ParameterizedTest
 *     @RailguardSource("events.jsonl")
 *     void every_answer_passes(RailguardCase answer, Evaluator evaluator) {
 *         assertThat(answer.evaluate(evaluator)).passes();
 *     }
 * }
 * }</pre>
 *
 * @see RailguardExtension
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(RailguardExtension.class)
public @interface Railguard {

    /**
     * The project file, relative to the working directory; empty for {@code railguard.yaml} there if it exists, else
     * none (judges from the environment, as {@link RailguardTest}).
     */
    String config() default "";
}
