package dev.railguard.api.status;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public type in a public package that is public only because another Railguard module uses it: it is not
 * part of the API users compile against, may change or go in any release, and is left out of the API signature dumps
 * ({@code <module>/api/<module>.api}). Railguard's rules hold that such a type is used by a sibling module (else it
 * should not be public). A type used by one package only is package-private instead, and one used across the
 * packages of one module lives in that module's {@code .internal.} package; this mark is for what crosses modules.
 * On a method of a public type, it marks that one method as for Railguard's own modules (it may take or return
 * {@code @Internal} types).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Internal {}
