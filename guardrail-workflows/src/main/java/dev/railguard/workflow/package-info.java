/**
 * Guardrail workflows that repair failing outputs (DeepRails Defend): Workflow evaluates each submitted event,
 * improves a failing output with FIXIT or REGEN through a generator model, re-judges only what failed, and keeps
 * the attempt history (WorkflowEvent, EvaluationAttempt). WorkflowOutputGuardrail plugs a workflow into LangChain4j
 * AI services as an OutputGuardrail. Entry points: Workflow.builder(), WorkflowUpdate.
 */
package dev.railguard.workflow;
