package dev.railguard.engine.internal.code;

import dev.railguard.engine.EvaluationFailures;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.railguard.api.Diagnostic;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic.Kind;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.xml.sax.InputSource;

/**
 * Checks the code an output holds, in process and without a network, for the code-aware run modes: fenced Java
 * blocks are compiled with {@code javax.tools} (in memory, nothing written), JSON, YAML and XML blocks are parsed.
 * The results are handed to the judges as evidence and reported in the metric's diagnostics. Other languages are not
 * checked.
 */
public final class CodeChecks {

    private static final Pattern FENCE = Pattern.compile("```([A-Za-z0-9_+-]*)[^\\n]*\\n(.*?)```", Pattern.DOTALL);
    private static final int MAX_BLOCKS = 10;
    private static final int MAX_CHARS = 50_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper(new YAMLFactory());

    private CodeChecks() {}

    /** The outcome of one check: a block the checker could not check neither passed nor failed. */
    public enum Status {
        OK, FAILED, NOT_CHECKED
    }

    /**
     * One check of one block.
     *
     * @param block    the 1-based number of the fenced block in the output
     * @param language the language checked
     * @param status   whether it compiled or parsed, or could not be checked
     * @param detail   what the compiler or parser said (the first problems), "compiles" / "parses", or why it was
     *                 not checked
     */
    public record Check(int block, String language, Status status, String detail) {
        /** Whether it compiled or parsed. */
        public boolean ok() {
            return status == Status.OK;
        }

        public String line() {
            return "code block " + block + " (" + language + "): " + status.name().replace('_', ' ') + ", " + detail;
        }
    }

    /** The checks of one output; empty when it has no checkable block. */
    public record Report(List<Check> checks) {
        public static final Report EMPTY = new Report(List.of());

        public boolean isEmpty() {
            return checks.isEmpty();
        }

        /** The evidence text handed to the judges. */
        public String text() {
            StringBuilder sb = new StringBuilder("Results of checking the output's code in process against the JDK"
                    + " alone (no third-party library, no network). A failure about a package or symbol outside the"
                    + " JDK, or about a fragment that is not a complete unit, and a NOT CHECKED line say nothing about"
                    + " the code:");
            checks.forEach(c -> sb.append("\n- ").append(c.line()));
            return sb.toString();
        }

        public List<Diagnostic> diagnostics() {
            return checks.stream().map(c -> c.ok() ? Diagnostic.info(c.line()) : Diagnostic.warning(c.line()))
                    .toList();
        }
    }

    /** Checks every fenced block of {@code output} in a language it knows (at most 10 blocks). */
    public static Report run(String output) {
        List<Check> checks = new ArrayList<>();
        Matcher m = FENCE.matcher(output);
        int block = 0;
        while (m.find() && block < MAX_BLOCKS) {
            block++;
            String lang = m.group(1).toLowerCase(Locale.ROOT);
            String code = m.group(2);
            if (code.length() > MAX_CHARS) {
                continue;
            }
            Check c = switch (lang) {
                case "java" -> java(block, code);
                case "json" -> parse(block, "json", () -> JSON.readTree(code));
                case "yaml", "yml" -> parse(block, "yaml", () -> YAML.readValues(YAML.createParser(code),
                        com.fasterxml.jackson.databind.JsonNode.class).readAll());
                case "xml" -> parse(block, "xml", () -> xml(code));
                default -> null;
            };
            if (c != null) {
                checks.add(c);
            }
        }
        return checks.isEmpty() ? Report.EMPTY : new Report(checks);
    }

    private interface Parse {
        public void run() throws Exception;
    }

    private static Check parse(int block, String language, Parse parse) {
        try {
            parse.run();
            return new Check(block, language, Status.OK, "parses");
        } catch (Exception e) {
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            int nl = msg.indexOf('\n');
            return new Check(block, language, Status.FAILED, "does not parse: " + (nl < 0 ? msg : msg.substring(0, nl)));
        }
    }

    private static void xml(String code) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setExpandEntityReferences(false);
        var builder = f.newDocumentBuilder();
        builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
        builder.parse(new InputSource(new StringReader(code)));
    }

    private static final Pattern TYPE = Pattern.compile(
            "(?m)^\\s*(?:public\\s+|final\\s+|abstract\\s+|sealed\\s+)*(?:class|interface|record|enum)\\s+([A-Za-z_$][\\w$]*)");

    /** Compiles a Java block; a block without a type declaration is compiled as the body of a method. */
    public static Check java(int block, String code) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            return new Check(block, "java", Status.NOT_CHECKED, "this JVM has no Java compiler (a JRE, not a JDK)");
        }
        Matcher type = TYPE.matcher(code);
        String className;
        String source;
        if (type.find()) {
            Matcher publicType = Pattern.compile("(?m)^\\s*public\\s+(?:final\\s+|abstract\\s+|sealed\\s+)*"
                    + "(?:class|interface|record|enum)\\s+([A-Za-z_$][\\w$]*)").matcher(code);
            className = publicType.find() ? publicType.group(1) : type.group(1);
            source = code;
        } else {
            StringBuilder imports = new StringBuilder();
            StringBuilder body = new StringBuilder();
            for (String line : code.split("\n", -1)) {
                (line.strip().startsWith("import ") ? imports : body).append(line).append('\n');
            }
            className = "Snippet";
            source = imports + "class Snippet {\n  void snippet() throws Exception {\n" + body + "  }\n}\n";
        }
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + className + ".java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StandardJavaFileManager standard = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null);
        JavaFileManager inMemory = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String name, JavaFileObject.Kind kind,
                    FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + name.replace('.', '/') + kind.extension),
                        kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        return new ByteArrayOutputStream();
                    }
                };
            }
        };
        boolean ok;
        try {
            ok = compiler.getTask(null, inMemory, diagnostics, List.of("-proc:none", "-Xlint:none", "-nowarn"), null,
                    List.of(file)).call();
        } catch (RuntimeException e) {
            return new Check(block, "java", Status.NOT_CHECKED, "the compiler failed: " + EvaluationFailures.describe(e));
        } finally {
            try {
                inMemory.close();
            } catch (IOException ignored) {
                // nothing was written
            }
        }
        if (ok) {
            return new Check(block, "java", Status.OK, "compiles");
        }
        List<String> errors = diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Kind.ERROR)
                .limit(3).map(d -> "line " + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT)).toList();
        return new Check(block, "java", Status.FAILED, "does not compile: " + String.join("; ", errors));
    }
}
