package dev.railguard.junit;

import dev.railguard.api.RunMode;
import dev.railguard.batch.MappedInput;
import dev.railguard.config.ProjectDataset;
import dev.railguard.config.RailguardProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.AnnotationConsumer;
import org.junit.platform.commons.PreconditionViolationException;

/** The rows of a {@link RailguardSource} dataset as {@link RailguardCase}s, read as a batch run reads them. */
final class RailguardSourceProvider implements ArgumentsProvider, AnnotationConsumer<RailguardSource> {

    private String value;

    @Override
    public void accept(RailguardSource source) {
        this.value = source.value();
    }

    @Override
    public Stream<? extends Arguments> provideArguments(ExtensionContext context) {
        Optional<RailguardProject> project = RailguardExtension.project(context);
        Optional<ProjectDataset> dataset = project.flatMap(p -> p.datasets().stream().filter(d -> d.name().equals(value)
                || d.path().equals(Path.of(value).toAbsolutePath().normalize())
                || d.path().equals(p.file().toAbsolutePath().resolveSibling(value).normalize())).findFirst());
        Path file;
        List<MappedInput.Row> rows;
        if (dataset.isPresent()) {
            file = dataset.get().path();
            rows = dataset.get().rows();
        } else {
            file = Path.of(value);
            if (!Files.isRegularFile(file)) {
                throw new PreconditionViolationException("@RailguardSource(\"" + value + "\"): no such file, nor a"
                        + " dataset of " + project.map(p -> p.file().toString()).orElse("a project file")
                        + (project.isEmpty() ? "" : " (its datasets are " + project.get().datasets().stream()
                                .map(ProjectDataset::name).toList() + ")"));
            }
            rows = MappedInput.rows(file, MappedInput.Format.DEEPRAILS, null, List.of(),
                    project.flatMap(RailguardProject::runMode).orElse(RunMode.FAST));
        }
        Path shown = file;
        return rows.stream().map(r -> Arguments.of(r.input() == null
                ? new RailguardCase("line " + r.line(), shown, r.line(), null, r.problem())
                : new RailguardCase(r.input().inputId() != null ? r.input().inputId() : "line " + r.line(), shown,
                        r.line(), project.map(p -> p.withThresholds(r.input().request()))
                                .orElse(r.input().request()), null)));
    }
}
