package dev.railguard.samples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application that answers questions with a Spring AI {@code ChatClient} guarded by Railguard: the
 * starter builds the evaluator, the judge and the workflow {@code answers} from {@code application.properties}, and
 * {@link AnswerController} adds the guard advisor to its client. Run it with a judge and a model configured:
 * {@code RAILGUARD_JUDGE_BASE_URL}, {@code RAILGUARD_JUDGE_API_KEY}, {@code SPRING_AI_OPENAI_API_KEY}.
 */
@SpringBootApplication
public class GuardedAnswersApplication {

    public static void main(String[] args) {
        SpringApplication.run(GuardedAnswersApplication.class, args);
    }
}
