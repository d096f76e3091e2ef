/**
 * Runnable programs: the main job (MainJob: the bundled dataset through a batch run and the HTML report), the
 * README quickstart and one sample per feature (guardrails, workflows, monitors, agent evals), each run by a test
 * against the local stub server.
 */
package dev.railguard.samples;
