package dev.railguard.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.railguard.api.status.Internal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The architecture of ARCHITECTURE.md as rules over the product classes (tests and samples excluded): the module arrows,
 * the JDK-only API, no package cycles, the {@code .internal.} boundary and a public API that exposes no internal type
 * (nor one marked {@link Internal}).
 * A broken rule fails the build with ArchUnit's message, which names the class, the member and the dependency.
 */
class ArchitectureTest {

    private static JavaClasses product;

    @BeforeAll
    static void importProductClasses() {
        product = ProductClasses.all();
    }

    @Test
    void productClassesAreImported() {
        for (Modules m : Modules.values()) {
            for (String p : m.packages) {
                if (!product.containPackage(p)) {
                    throw new AssertionError("no class of package " + p + " (module " + m.artifact + ") was imported");
                }
            }
        }
    }

    /** Spring stays in the starter: no other Railguard module depends on Spring or Spring AI. */
    @Test
    void onlyTheStarterDependsOnSpring() {
        noClasses().that().resideOutsideOfPackage("dev.railguard.spring..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "reactor..")
                .check(product);
    }

    @ParameterizedTest
    @EnumSource(Modules.class)
    void moduleUsesOnlyTheModulesItsArrowsAllow(Modules module) {
        classes().that().resideInAnyPackage(module.patterns())
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("dev.railguard..")
                        .or(resideInAnyPackage(module.allowedPatterns())))
                .because(module.artifact + " may use only " + module.uses + " (ARCHITECTURE.md, Modules)")
                .check(product);
    }

    @Test
    void theApiDependsOnNothingOutsideTheJdk() {
        classes().that().resideInAPackage("dev.railguard.api..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.railguard.api..", "java..")
                .because("evaluation-api is plain Java: users and SPI authors need nothing else")
                .check(product);
    }

    @Test
    void noCyclesBetweenTopLevelPackages() {
        slices().matching("dev.railguard.(*)..").should().beFreeOfCycles().check(product);
    }

    @Test
    void noCyclesBetweenInternalPackages() {
        slices().matching("dev.railguard.(**).internal.(*)..").should().beFreeOfCycles().check(product);
    }

    @ParameterizedTest
    @EnumSource(Modules.class)
    void nothingOutsideAModuleUsesItsInternals(Modules module) {
        noClasses().that().resideOutsideOfPackages(module.patterns())
                .should().dependOnClassesThat().resideInAnyPackage(module.internalPatterns())
                .because("the .internal. packages of " + module.artifact + " may change in any release")
                .allowEmptyShould(true)
                .check(product);
    }

    @Test
    void publicApiExposesNoInternalType() {
        classes().that().arePublic().and().resideOutsideOfPackage("..internal..")
                .and().areNotAnnotatedWith(Internal.class)
                .should(exposeNoInternalType())
                .check(product);
    }

    /** A type marked {@link Internal} is public for a sibling module; unused by any, it should not be public. */
    @Test
    void aTypeMarkedInternalIsUsedByAnotherModule() {
        classes().that().areAnnotatedWith(Internal.class)
                .should(new ArchCondition<>("be used by another Railguard module") {
                    @Override
                    public void check(JavaClass c, ConditionEvents events) {
                        Modules owner = Modules.of(c);
                        boolean used = c.getDirectDependenciesToSelf().stream()
                                .map(d -> Modules.of(d.getOriginClass()))
                                .anyMatch(m -> m != null && m != owner);
                        if (!used) {
                            events.add(SimpleConditionEvent.violated(c, c.getName() + " is marked @Internal but no"
                                    + " other module uses it: make it package-private or move it to .internal."));
                        }
                    }
                })
                .allowEmptyShould(true)
                .check(product);
    }

    private static ArchCondition<JavaClass> exposeNoInternalType() {
        return new ArchCondition<>("expose no internal type in a public or protected member, generic arguments"
                + " included") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                List<String> leaks = new ArrayList<>();
                c.getSuperclass().ifPresent(t -> leak(leaks, "extends", t));
                for (JavaType i : c.getInterfaces()) {
                    leak(leaks, "implements", i);
                }
                for (JavaCodeUnit u : c.getCodeUnits()) {
                    if (!visible(u.getModifiers()) || u.isAnnotatedWith(Internal.class)) {
                        continue;
                    }
                    leak(leaks, u.getFullName() + " returns", u.getReturnType());
                    for (JavaType p : u.getParameterTypes()) {
                        leak(leaks, u.getFullName() + " takes", p);
                    }
                }
                for (JavaField f : c.getFields()) {
                    if (visible(f.getModifiers())) {
                        leak(leaks, f.getFullName() + " is of type", f.getType());
                    }
                }
                for (String leak : leaks) {
                    events.add(SimpleConditionEvent.violated(c, "public API of " + c.getName() + ": " + leak));
                }
            }
        };
    }

    /** Adds a leak when {@code type} or any type in its generic arguments, bounds or array components is internal. */
    private static void leak(List<String> leaks, String where, JavaType type) {
        for (JavaClass involved : type.getAllInvolvedRawTypes()) {
            if (isInternal(involved)) {
                leaks.add(where + " " + type.getName() + " (" + involved.getName() + " is internal)");
            }
        }
    }

    private static boolean visible(java.util.Set<JavaModifier> modifiers) {
        return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
    }

    private static boolean isInternal(JavaClass type) {
        JavaClass t = type.isArray() ? type.getBaseComponentType() : type;
        return t.getPackageName().startsWith("dev.railguard")
                && (t.getPackageName().contains(".internal") || t.isAnnotatedWith(Internal.class));
    }
}
