/**
 * The machinery of the formats: the one strict JSON reader ({@code StrictJson}), the DeepRails event's field table
 * ({@code EventFields}, {@code ModelInputFields}) and codec ({@code EventCodec}), and the results line's JSON
 * ({@code ResultLineJson}). Free to change; only {@code dev.railguard.format} uses it.
 */
package dev.railguard.format.internal;
