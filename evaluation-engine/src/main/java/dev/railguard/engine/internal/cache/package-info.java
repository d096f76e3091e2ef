/**
 * The judge-call cache: JudgeCache shares one in-flight call among identical requests (Caffeine AsyncCache, keyed
 * by judge, model, parameters, template version and the prompt with its nonces normalised) and DiskCache persists
 * replies in a cache directory, so a second run of a test suite makes no judge call. Entry point: JudgeCache.get.
 */
package dev.railguard.engine.internal.cache;
