package dev.railguard.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rooms of the house, read from the product sources of every module: each package says in {@code package-info.java}
 * what it is for, holds no more than 25 types, and no source file is over 400 lines unless it says why.
 */
class SourceLayoutTest {

    private static final int MAX_TYPES_PER_PACKAGE = 25;
    private static final int MAX_LINES = 400;
    /** How a long file says why it is long (the same words the project's pre-stop check looks for). */
    private static final Pattern SAYS_WHY = Pattern.compile("(?i)longer than|over 400 lines|why this file is long");

    private static final Map<Path, List<Path>> PACKAGES = new TreeMap<>();

    @BeforeAll
    static void readSources() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        try (Stream<Path> files = Files.walk(root, 12)) {
            files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("/src/main/java/"))
                    .filter(p -> !p.toString().contains("/target/"))
                    .forEach(p -> PACKAGES.computeIfAbsent(p.getParent(), k -> new ArrayList<>()).add(p));
        }
    }

    @Test
    void sourcesAreFound() {
        assertThat(PACKAGES.keySet()).as("product source packages").hasSizeGreaterThan(10);
    }

    @Test
    void everyPackageSaysWhatItIsFor() {
        List<Path> missing = PACKAGES.keySet().stream()
                .filter(dir -> !Files.exists(dir.resolve("package-info.java"))).toList();
        assertThat(missing).as("packages without a package-info.java that says what the package is for").isEmpty();
    }

    @Test
    void noPackageHoldsMoreThan25Types() {
        List<String> crowded = new ArrayList<>();
        PACKAGES.forEach((dir, files) -> {
            long types = files.stream().filter(f -> !f.endsWith("package-info.java")).count();
            if (types > MAX_TYPES_PER_PACKAGE) {
                crowded.add(dir + " holds " + types + " types");
            }
        });
        assertThat(crowded).as("packages over " + MAX_TYPES_PER_PACKAGE + " types: split them by concern").isEmpty();
    }

    @Test
    void noSourceFileIsOver400LinesUnlessItSaysWhy() {
        List<String> long_ = new ArrayList<>();
        PACKAGES.values().stream().flatMap(List::stream).forEach(f -> {
            try {
                String text = Files.readString(f);
                long lines = text.lines().count();
                if (lines > MAX_LINES && !SAYS_WHY.matcher(text).find()) {
                    long_.add(f + " has " + lines + " lines");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertThat(long_).as("files over " + MAX_LINES + " lines that do not say why").isEmpty();
    }
}
