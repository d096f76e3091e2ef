package dev.railguard.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class whose tests are judged by Railguard: shorthand for
 * {@code @ExtendWith(RailguardExtension.class)}. Test methods, constructors and lifecycle methods may then declare an
 * {@link dev.railguard.api.Evaluator} (or {@link dev.railguard.engine.RailguardEvaluator}) parameter.
 *
 * <pre>{@code
 * @RailguardTest
 * class AnswerQualityTest {
 *     @Test
 *     void the_bot_answers_capital_questions(Evaluator evaluator) {
 *         assertThatOutput(bot.answer("What is the capital of France?"))
 *             .forPrompt("What is the capital of France?")
 *             .withEvaluator(evaluator)
 *             .passes("correctness", "completeness");
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
public @interface RailguardTest {
}
