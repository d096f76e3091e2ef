/**
 * Railguard in Spring Boot and Spring AI: the auto-configuration of {@code railguard.*} (evaluator, judges, monitors,
 * workflows, meters, the {@code railguard} Actuator endpoint and health), {@link dev.railguard.spring.SpringAiChatModel}
 * (a Spring AI model as a judge or generator), {@link dev.railguard.spring.RailguardSpringEvaluators} (Railguard
 * metrics as Spring AI evaluators) and {@link dev.railguard.spring.RailguardGuardAdvisor} (a workflow guarding a
 * {@code ChatClient}). The only Railguard package that names Spring; everything under {@code .internal} may change.
 */
package dev.railguard.spring;
