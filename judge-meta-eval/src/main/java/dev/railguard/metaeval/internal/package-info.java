/**
 * Internals of the meta-evaluation, free to change: the statistics (balanced accuracy, Cohen's kappa, Matthews
 * correlation, precision and recall for FAIL, seeded cluster-bootstrap intervals, quantiles), the runner of one
 * configuration, the data set readers and the report renderers.
 */
package dev.railguard.metaeval.internal;
