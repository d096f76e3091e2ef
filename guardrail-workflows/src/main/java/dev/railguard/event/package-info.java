/**
 * What workflows and monitors share at their surface: EventInput, one production event as submitted (DeepRails'
 * model_input, model_output, model_used, run_mode and nametag).
 */
package dev.railguard.event;
