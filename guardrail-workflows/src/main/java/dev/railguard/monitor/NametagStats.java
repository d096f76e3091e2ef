package dev.railguard.monitor;

/**
 * A monitor's events with one nametag ({@link Monitor#nametags()}). Events without a tag count under {@code "(none)"};
 * once a monitor has seen its maximum number of distinct tags, further new tags count under {@code "(other)"}, so memory
 * stays bounded. A batch run counts verdicts per tag instead ({@code BatchSummary.NametagStats}).
 *
 * @param nametag   the tag
 * @param total     events with this tag that reached a terminal status
 * @param completed events evaluated
 * @param passed    completed events whose every metric passed
 * @param failed    events that could not be evaluated (rejected ones included)
 * @param canceled  events canceled
 */
public record NametagStats(String nametag, long total, long completed, long passed, long failed, long canceled) {

    /** Passed over completed; 0 when none completed. */
    public double passRate() {
        return completed == 0 ? 0.0 : (double) passed / completed;
    }
}
