/**
 * The status of a public type, as JUnit's {@code @API(status = ...)} states it: {@link dev.railguard.api.status.Internal}
 * marks a type that is public only because another Railguard module uses it. Such types are left out of the API
 * signature dumps and may change in any release.
 */
package dev.railguard.api.status;
