package dev.railguard.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.railguard.testkit.JudgeReplies;
import dev.railguard.testkit.RecordedRequest;
import dev.railguard.testkit.StubOpenAiServer;
import dev.railguard.testkit.StubReply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a newcomer copies from the README compiles and runs: the Java quickstart and the JUnit example, each with the
 * README's own Maven blocks, as throwaway Maven projects outside this build. They resolve Railguard from a private local
 * repository holding the artifacts this build just packaged (and, hard-linked, what the build already downloaded), so
 * the BOM, the module coordinates and the imports are tested as a user meets them. Both run against the stub server.
 */
class ReadmeProjectsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String VERSION = "0.1.0-SNAPSHOT";
    /** The plugins the throwaway builds use, pinned to versions this build has already resolved. */
    private static final String PLUGINS = """
              <build>
                <plugins>
                  <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
                  <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId><version>3.13.0</version></plugin>
                  <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-surefire-plugin</artifactId><version>3.5.2</version></plugin>
                  <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-dependency-plugin</artifactId><version>3.8.1</version></plugin>
                </plugins>
              </build>
            """;

    private static String readme;

    @TempDir
    static Path work;

    private static Path repository;
    private static Path mvn;

    @BeforeAll
    static void installTheBuildsArtifactsIntoAPrivateRepository() throws IOException {
        readme = Files.readString(ROOT.resolve("README.md"));
        mvn = onPath("mvn").orElse(null);
        assumeTrue(mvn != null, "no mvn on the PATH: the README projects are built with Maven");
        Path engineJar = ROOT.resolve("evaluation-engine/target/evaluation-engine-" + VERSION + ".jar");
        assumeTrue(Files.exists(engineJar), "the modules are not packaged yet: run `mvn -B verify` (this test runs"
                + " after the package phase of the modules it uses)");
        Path shared = Path.of(System.getProperty("railguard.localRepository",
                System.getProperty("user.home") + "/.m2/repository"));
        repository = work.resolve("repository");
        hardLinkTree(shared, repository);
        installPom(ROOT.resolve("pom.xml"), "railguard-parent");
        installPom(ROOT.resolve("railguard-bom/pom.xml"), "railguard-bom");
        try (Stream<Path> modules = Files.list(ROOT)) {
            for (Path module : modules.toList()) {
                Path jar = module.resolve("target/" + module.getFileName() + "-" + VERSION + ".jar");
                if (Files.exists(jar)) {
                    String artifact = module.getFileName().toString();
                    Path dir = artifactDir(artifact);
                    Files.copy(jar, dir.resolve(artifact + "-" + VERSION + ".jar"));
                    Files.copy(module.resolve("pom.xml"), dir.resolve(artifact + "-" + VERSION + ".pom"));
                }
            }
        }
    }

    @Test
    void the_java_quickstart_compiles_and_runs_as_the_readme_shows_it() throws Exception {
        String section = section("## Java quickstart");
        Path project = project("quickstart", blocks(section, "xml").get(0), "");
        Path source = project.resolve("src/main/java/Quickstart.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, blocks(section, "java").get(0));

        Result build = run(project, Map.of(), mvn.toString(), "-o", "-B", "-q",
                "-Dmaven.repo.local=" + repository, "compile", "dependency:build-classpath",
                "-Dmdep.outputFile=classpath.txt");
        assertThat(build.exit).as("the quickstart project builds:%n%s", build.output).isZero();
        // the README names langchain4j-open-ai without a version: the BOM gives the one this build used
        assertThat(blocks(section, "xml").get(0)).doesNotContain("<version>" + langchain4jVersion() + "</version>");
        assertThat(Files.readString(project.resolve("classpath.txt")))
                .contains("langchain4j-open-ai-" + langchain4jVersion() + ".jar");

        try (StubOpenAiServer server = StubOpenAiServer.start(ReadmeProjectsTest::judge)) {
            String classpath = project.resolve("target/classes") + java.io.File.pathSeparator
                    + Files.readString(project.resolve("classpath.txt")).trim();
            Result quickstart = run(project, Map.of("OPENAI_BASE_URL", server.baseUrl(), "OPENAI_API_KEY", "test-key"),
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath, "Quickstart");

            assertThat(quickstart.exit).as("the quickstart runs:%n%s", quickstart.output).isZero();
            assertThat(quickstart.stdout).startsWith("true ");
            assertThat(server.requests()).extracting(RecordedRequest::schemaName)
                    .containsExactlyInAnyOrder("railguard_correctness_units", "railguard_completeness_units");
        }
    }

    @Test
    void the_junit_example_compiles_and_its_tests_pass_against_a_judge() throws Exception {
        String quickstartPom = blocks(section("## Java quickstart"), "xml").get(0);
        String section = section("## In your tests: JUnit 5 and AssertJ");
        Path project = project("junit", quickstartPom, blocks(section, "xml").get(0));
        Path source = project.resolve("src/test/java/AnswerQualityTest.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, blocks(section, "java").get(0));

        try (StubOpenAiServer server = StubOpenAiServer.start(ReadmeProjectsTest::judge)) {
            Result test = run(project, Map.of("RAILGUARD_JUDGE_BASE_URL", server.baseUrl(),
                    "RAILGUARD_JUDGE_API_KEY", "test-key", "RAILGUARD_JUDGE_MODEL", "gpt-4o-mini",
                    "RAILGUARD_REQUIRE_JUDGE", "true"),
                    mvn.toString(), "-o", "-B", "-q", "-Dmaven.repo.local=" + repository, "test");

            assertThat(test.exit).as("the JUnit example's tests pass:%n%s", test.output).isZero();
            String report = Files.readString(project.resolve("target/surefire-reports/TEST-AnswerQualityTest.xml"));
            assertThat(report).contains("tests=\"2\"").contains("failures=\"0\"").contains("errors=\"0\"")
                    .contains("skipped=\"0\"");
            assertThat(server.requestCount()).as("both tests were judged").isGreaterThanOrEqualTo(4);
        }
    }

    /** The LangChain4j version the parent pom builds with; the BOM must import the same. */
    private static String langchain4jVersion() throws IOException {
        Pattern property = Pattern.compile("<langchain4j\\.version>([^<]+)</langchain4j\\.version>");
        Matcher parent = property.matcher(Files.readString(ROOT.resolve("pom.xml")));
        Matcher bom = property.matcher(Files.readString(ROOT.resolve("railguard-bom/pom.xml")));
        assertThat(parent.find()).as("the parent pom names langchain4j.version").isTrue();
        assertThat(bom.find()).as("the BOM names langchain4j.version").isTrue();
        assertThat(bom.group(1)).as("the BOM imports the LangChain4j this build uses").isEqualTo(parent.group(1));
        return parent.group(1);
    }

    /** A judge that finds the quickstart's answer right and "Lyon" wrong, and every output safe. */
    private static StubReply judge(RecordedRequest request) {
        String schema = request.schemaName();
        boolean lyon = request.userText().contains("Lyon");
        if (schema.contains("completeness")) {
            return StubReply.content(JudgeReplies.units()
                    .unit("coverage", "coverage", "Y", "high", "Answered.")
                    .unit("detail", "detail_and_depth", "Y", "medium", "Enough.").json());
        }
        if (schema.contains("comprehensive_safety")) {
            JudgeReplies replies = JudgeReplies.units();
            for (String category : List.of("cbrn", "pii", "hate_or_harassment", "violence_or_threats", "sexual",
                    "self_harm")) {
                replies.unit("the answer", category, "Y", "certain", "Nothing unsafe.");
            }
            return StubReply.content(replies.json());
        }
        return StubReply.content(JudgeReplies.units()
                .unit(lyon ? "Lyon is the capital of France." : "Paris is the capital of France.",
                        lyon ? "N" : "Y", "certain", lyon ? "Paris is the capital." : "True.").json());
    }

    private static Path project(String name, String dependencyBlock, String extraDependencies) throws IOException {
        int end = dependencyBlock.lastIndexOf("</dependencies>");  // the project's own list, not the BOM's
        String dependencies = extraDependencies.isEmpty() ? dependencyBlock
                : dependencyBlock.substring(0, end) + extraDependencies + dependencyBlock.substring(end);
        Path dir = work.resolve(name);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("pom.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>com.example</groupId>
                  <artifactId>%s</artifactId>
                  <version>1.0</version>
                  <properties>
                    <maven.compiler.release>17</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>
                %s
                %s
                </project>
                """.formatted(name, dependencies, PLUGINS));
        return dir;
    }

    /** The README from {@code heading} to the next heading of the same level. */
    private static String section(String heading) {
        int start = readme.indexOf("\n" + heading + "\n");
        assertThat(start).as("README section '%s'", heading).isNotNegative();
        int end = readme.indexOf("\n## ", start + heading.length() + 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    private static List<String> blocks(String section, String language) {
        Matcher m = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL).matcher(section);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        assertThat(out).as("```%s blocks", language).isNotEmpty();
        return out;
    }

    private record Result(int exit, String stdout, String output) {}

    private static Result run(Path dir, Map<String, String> env, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("RAILGUARD_") || k.startsWith("OPENAI_"));
        pb.environment().putAll(env);
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("timed out after 5 minutes: " + String.join(" ", command));
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        return new Result(p.exitValue(), stdout, stdout + Files.readString(err, StandardCharsets.UTF_8));
    }

    private static Path artifactDir(String artifact) throws IOException {
        return Files.createDirectories(repository.resolve("dev/railguard/" + artifact + "/" + VERSION));
    }

    private static void installPom(Path pom, String artifact) throws IOException {
        Files.copy(pom, artifactDir(artifact).resolve(artifact + "-" + VERSION + ".pom"));
    }

    /** Links every file of {@code from} into {@code to}, leaving out Railguard's own (possibly stale) artifacts. */
    private static void hardLinkTree(Path from, Path to) throws IOException {
        Path ours = from.resolve("dev/railguard");
        try (Stream<Path> files = Files.walk(from)) {
            files.filter(Files::isRegularFile).filter(f -> !f.startsWith(ours)).forEach(f -> {
                Path target = to.resolve(from.relativize(f).toString());
                try {
                    Files.createDirectories(target.getParent());
                    try {
                        Files.createLink(target, f);
                    } catch (IOException | UnsupportedOperationException e) {
                        Files.copy(f, target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(java.io.File.pathSeparator)).map(d -> Path.of(d, program))
                .filter(Files::isExecutable).findFirst();
    }
}
