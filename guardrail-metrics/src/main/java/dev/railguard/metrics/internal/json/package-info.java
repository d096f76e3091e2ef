/** The one way the offline checks read JSON from a model output. Internal: free to change in any release. */
package dev.railguard.metrics.internal.json;
