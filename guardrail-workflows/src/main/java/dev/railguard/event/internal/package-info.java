/**
 * The machinery workflows and monitors share: EventBook keeps running events by id, the recent terminal ones in
 * bounded memory and the listeners; EventRequests validates names and metrics and builds an event's request;
 * EventJson writes the JSON parts every event has. Each event kind writes its own JSON with these helpers; nothing
 * here knows a kind of event.
 */
package dev.railguard.event.internal;
