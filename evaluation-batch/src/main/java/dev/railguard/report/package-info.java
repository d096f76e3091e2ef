/**
 * The self-contained HTML report of a batch run (HtmlReport): summary tiles, usage, per-metric pass rates and the
 * events with failing ones first, in one file with no external resources.
 */
package dev.railguard.report;
