package dev.railguard.samples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's "In a Spring Boot application" shows what {@link GuardedAnswersApplicationTest} runs: its properties are
 * the sample's {@code application.properties}, its Java is the sample's {@code AnswerController}.
 */
class ReadmeSpringSectionTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    static List<String> blocks(String language) throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int start = readme.indexOf("\n## In a Spring Boot application\n");
        assertThat(start).as("the README section").isNotNegative();
        int end = readme.indexOf("\n## ", start + 5);
        Matcher m = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL).matcher(readme.substring(start, end));
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        assertThat(out).as("```%s blocks", language).isNotEmpty();
        return out;
    }

    static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    @Test
    void the_readme_properties_are_the_samples() throws Exception {
        List<String> sample = lines(Files.readString(ROOT.resolve("samples-spring-boot/src/main/resources/application.properties")));
        assertThat(sample).containsSubsequence(lines(blocks("properties").get(0)));
    }

    @Test
    void the_readme_controller_is_the_samples() throws Exception {
        List<String> sample = lines(Files.readString(ROOT.resolve(
                "samples-spring-boot/src/main/java/dev/railguard/samples/spring/AnswerController.java")));
        assertThat(sample).containsSubsequence(lines(blocks("java").get(0)));
    }

    @Test
    void the_readme_dependency_is_the_starter_the_sample_uses() throws Exception {
        String pom = Files.readString(ROOT.resolve("samples-spring-boot/pom.xml"));
        assertThat(blocks("xml").get(0)).contains("<artifactId>railguard-spring-boot-starter</artifactId>")
                .contains("<artifactId>spring-boot-starter-actuator</artifactId>");
        assertThat(pom).contains("<artifactId>railguard-spring-boot-starter</artifactId>")
                .contains("<artifactId>spring-boot-starter-actuator</artifactId>");
    }
}
