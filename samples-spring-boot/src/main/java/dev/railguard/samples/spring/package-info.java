/** A Spring Boot sample: a REST endpoint answering with a Spring AI {@code ChatClient} guarded by Railguard. */
package dev.railguard.samples.spring;
