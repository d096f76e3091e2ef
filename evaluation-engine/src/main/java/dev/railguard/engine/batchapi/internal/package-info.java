/**
 * The batch transport: collects a round's judge requests, submits them as provider batch jobs (split at the
 * provider's limits), records the jobs in the job file before waiting, polls with back-off, and completes each request
 * with its line's reply or failure. One class per provider wire format.
 */
package dev.railguard.engine.batchapi.internal;
