package dev.railguard.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.JavaTypeVariable;
import dev.railguard.api.status.Internal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What users compile against, per module, as a signature dump committed beside the module ({@code
 * <module>/api/<module>.api}, as OkHttp keeps {@code api/*.api}): every public type outside {@code .internal.} and not
 * marked {@link Internal}, with its public and protected constructors, methods and fields, generic signatures
 * included. A change to the public API fails this test until the dump is regenerated, so it shows in the diff:
 *
 * <pre>mvn -B -q -pl architecture-tests -am test -Dtest=ApiSignatureTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Drailguard.api.update=true</pre>
 */
class ApiSignatureTest {

    /** The switch that rewrites the dumps instead of checking them. */
    static final String UPDATE = "railguard.api.update";

    private static JavaClasses product;

    @BeforeAll
    static void importProductClasses() {
        product = ProductClasses.all();
    }

    @ParameterizedTest
    @EnumSource(Modules.class)
    void thePublicApiMatchesItsDump(Modules module) throws IOException {
        Path file = Path.of("").toAbsolutePath().getParent()
                .resolve(module.artifact).resolve("api").resolve(module.artifact + ".api");
        String dump = dump(module);
        if (Boolean.getBoolean(UPDATE)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, dump, StandardCharsets.UTF_8);
            return;
        }
        String how = "the public API of " + module.artifact + " is not the one in " + file + "; if the change is meant,"
                + " regenerate the dump with -D" + UPDATE + "=true (see ApiSignatureTest) and commit it";
        assertThat(file).as(how).exists();
        assertThat(dump).as(how).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }

    static String dump(Modules module) {
        StringBuilder out = new StringBuilder();
        List<JavaClass> types = product.stream()
                .filter(c -> Modules.of(c) == module && isPublicApi(c))
                .sorted(Comparator.comparing(JavaClass::getName))
                .toList();
        for (JavaClass c : types) {
            out.append(header(c)).append(" {\n");
            List<String> members = new ArrayList<>();
            for (JavaCodeUnit u : c.getCodeUnits()) {
                if (visible(u.getModifiers()) && !synthetic(u.getModifiers())) {
                    members.add(member(u));
                }
            }
            for (JavaField f : c.getFields()) {
                if (visible(f.getModifiers()) && !synthetic(f.getModifiers())) {
                    members.add(modifiers(f.getModifiers()) + typeName(f.getType()) + " " + f.getName());
                }
            }
            members.stream().sorted().forEach(m -> out.append("  ").append(m).append('\n'));
            out.append("}\n\n");
        }
        return out.toString();
    }

    /** Every public type outside .internal., nested ones only when their enclosing types are public too. */
    static boolean isPublicApi(JavaClass c) {
        if (c.getPackageName().contains(".internal") || c.isAnonymousClass() || c.isLocalClass()) {
            return false;
        }
        for (Optional<JavaClass> t = Optional.of(c); t.isPresent(); t = t.get().getEnclosingClass()) {
            if (!t.get().getModifiers().contains(JavaModifier.PUBLIC) || t.get().isAnnotatedWith(Internal.class)) {
                return false;
            }
        }
        return true;
    }

    private static String header(JavaClass c) {
        String kind = c.isAnnotation() ? "@interface" : c.isInterface() ? "interface" : c.isEnum() ? "enum"
                : c.isRecord() ? "record" : "class";
        Set<JavaModifier> modifiers = c.getModifiers();
        if (c.isInterface() || c.isEnum() || c.isRecord()) {
            modifiers = modifiers.stream().filter(m -> m != JavaModifier.ABSTRACT && m != JavaModifier.FINAL)
                    .collect(Collectors.toSet());
        }
        StringBuilder h = new StringBuilder(modifiers(modifiers)).append(kind).append(' ').append(c.getName());
        h.append(typeParameters(c.getTypeParameters()));
        c.getSuperclass().filter(s -> !Set.of("java.lang.Object", "java.lang.Record", "java.lang.Enum")
                .contains(s.toErasure().getName())).ifPresent(s -> h.append(" extends ").append(s.getName()));
        List<String> interfaces = c.getInterfaces().stream().map(JavaType::getName)
                .filter(n -> !n.equals("java.lang.annotation.Annotation")).toList();
        if (!interfaces.isEmpty()) {
            h.append(c.isInterface() ? " extends " : " implements ").append(String.join(", ", interfaces));
        }
        return h.toString();
    }

    private static String member(JavaCodeUnit u) {
        String params = u.getParameterTypes().stream().map(ApiSignatureTest::typeName)
                .collect(Collectors.joining(", "));
        String typeParameters = typeParameters(u.getTypeParameters());
        String prefix = modifiers(u.getModifiers()) + (typeParameters.isEmpty() ? "" : typeParameters + " ");
        if (u.isConstructor()) {
            return prefix + "<init>(" + params + ")";
        }
        return prefix + typeName(u.getReturnType()) + " " + u.getName() + "(" + params + ")";
    }

    /** A type as source spells it: {@code java.lang.String[]}, not the descriptor {@code [Ljava.lang.String;}. */
    private static String typeName(JavaType type) {
        if (type instanceof JavaClass c && c.isArray()) {
            return typeName(c.getComponentType()) + "[]";
        }
        return type.getName();
    }

    private static String typeParameters(List<? extends JavaTypeVariable<?>> variables) {
        if (variables.isEmpty()) {
            return "";
        }
        return variables.stream().map(v -> {
            List<String> bounds = v.getUpperBounds().stream().map(JavaType::getName)
                    .filter(n -> !n.equals("java.lang.Object")).toList();
            return bounds.isEmpty() ? v.getName() : v.getName() + " extends " + String.join(" & ", bounds);
        }).collect(Collectors.joining(", ", "<", ">"));
    }

    private static String modifiers(Set<JavaModifier> modifiers) {
        StringBuilder m = new StringBuilder();
        for (JavaModifier modifier : List.of(JavaModifier.PUBLIC, JavaModifier.PROTECTED, JavaModifier.ABSTRACT,
                JavaModifier.STATIC, JavaModifier.FINAL)) {
            if (modifiers.contains(modifier)) {
                m.append(modifier.name().toLowerCase()).append(' ');
            }
        }
        return m.toString();
    }

    private static boolean visible(Set<JavaModifier> modifiers) {
        return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
    }

    private static boolean synthetic(Set<JavaModifier> modifiers) {
        return modifiers.contains(JavaModifier.SYNTHETIC) || modifiers.contains(JavaModifier.BRIDGE);
    }
}
