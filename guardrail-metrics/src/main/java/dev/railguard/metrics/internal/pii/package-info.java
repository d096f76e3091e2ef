/**
 * The recognizers behind {@code pii} and {@code PiiRedactor}: library-backed ones (libphonenumber for phone numbers;
 * Commons Validator for e-mail, IP, URL, IBAN and the Luhn and Verhoeff checks), pattern rules with their issuers'
 * validity rules after Presidio's predefined recognizers, context words, and the optional OpenNLP name finder.
 * Internal: free to change in any release.
 */
package dev.railguard.metrics.internal.pii;
