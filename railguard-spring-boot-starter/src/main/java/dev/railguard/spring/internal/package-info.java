/**
 * The starter's machinery: translation between LangChain4j and Spring AI messages, replies and errors; the judge
 * panel, evaluator settings, monitor and workflow beans built from properties (with the one wording of a bad
 * property); judge health and the endpoint's report. Not API: may change in any release.
 */
package dev.railguard.spring.internal;
