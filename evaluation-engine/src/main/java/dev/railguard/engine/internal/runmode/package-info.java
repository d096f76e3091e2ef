/**
 * How a judged metric is evaluated in each run mode: one RunModeStrategy per mode (UltraFast, SuperFast, Fast,
 * Precision for the four precision modes) renders its calls with JudgePrompts, reads unit votes with UnitReplies
 * and turns them into a score and verdict with Scoring (confidence-weighted share, consensus, arbitration).
 * EvaluationContext carries one request's judges, client, plan and tools. Metrics never branch on the run mode;
 * these strategies do the how.
 */
package dev.railguard.engine.internal.runmode;
