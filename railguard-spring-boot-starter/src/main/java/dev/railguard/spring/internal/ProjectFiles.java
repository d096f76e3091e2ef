package dev.railguard.spring.internal;

import dev.railguard.config.RailguardProject;
import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.ResourceUtils;

/** The project file of {@code railguard.config}, loaded once; a missing or bad file fails the start naming both. */
public final class ProjectFiles {

    /** The property that names the file. */
    public static final String PROPERTY = "railguard.config";

    private ProjectFiles() {}

    /**
     * The project at {@code location}: a path, {@code file:} URL or {@code classpath:} resource (one on the file
     * system, as in an exploded application; not one inside a jar).
     *
     * @throws InvalidConfigurationPropertyValueException naming the
     *         property, its value and the file's own problems (file:line:column: key: message)
     */
    public static RailguardProject load(String location) {
        if (location == null || location.isBlank()) {
            throw PropertyChecks.invalid(PROPERTY, location, "must name a project file (railguard.yaml)");
        }
        Path file;
        try {
            file = ResourceUtils.getFile(location.strip()).toPath();
        } catch (FileNotFoundException e) {
            throw PropertyChecks.invalid(PROPERTY, location, e.getMessage());
        }
        if (!Files.isRegularFile(file)) {
            throw PropertyChecks.invalid(PROPERTY, location, "no such file: " + file.toAbsolutePath());
        }
        try {
            return RailguardProject.load(file);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw PropertyChecks.invalid(PROPERTY, location, e.getMessage());
        }
    }
}
