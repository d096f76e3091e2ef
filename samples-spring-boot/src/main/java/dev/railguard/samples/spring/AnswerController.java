package dev.railguard.samples.spring;

import dev.railguard.spring.RailguardBlockedException;
import dev.railguard.spring.RailguardGuardAdvisor;
import java.util.Map;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /answer?question=...}: the model's answer, judged and repaired by the workflow, or 422 when blocked. */
@RestController
public class AnswerController {

    private final ChatClient client;

    public AnswerController(ChatClient.Builder builder, RailguardGuardAdvisor guard) {
        this.client = builder.defaultSystem("Answer in one or two sentences.").defaultAdvisors(guard).build();
    }

    @GetMapping("/answer")
    public Map<String, String> answer(@RequestParam String question) {
        return Map.of("answer", client.prompt().user(question).call().content());
    }

    @ExceptionHandler(RailguardBlockedException.class)
    public ResponseEntity<Map<String, Object>> blocked(RailguardBlockedException e) {
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY)
                .body(Map.of("blocked", true, "failingMetrics", e.failingMetrics()));
    }
}
