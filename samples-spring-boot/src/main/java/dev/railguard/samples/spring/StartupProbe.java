package dev.railguard.samples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the sample's auto-configured context (the sample's {@code application.properties}, no web server, no
 * controller), prints how long the start took and exits: the start-up cost of the starter is this program's time
 * with {@code --railguard.enabled=true} against {@code --railguard.enabled=false}. The command is in the README
 * ("In a Spring Boot application").
 */
@EnableAutoConfiguration
public class StartupProbe {

    public static void main(String[] args) {
        long start = System.nanoTime();
        SpringApplication app = new SpringApplication(StartupProbe.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setLogStartupInfo(false);
        try (ConfigurableApplicationContext context = app.run(args)) {
            long ms = (System.nanoTime() - start) / 1_000_000;
            System.out.println("context started in " + ms + " ms with " + context.getBeanDefinitionCount() + " beans, railguard "
                    + context.getEnvironment().getProperty("railguard.enabled", "true"));
        }
    }
}
