package dev.railguard.store.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque page cursors: the position (created_at, event_id) of the last event of a page. */
public final class Cursors {

    private Cursors() {}

    /** The position of one event. */
    public record Position(long createdAtMillis, String eventId) {}

    /** The cursor of the page that ends at this event. */
    public static String encode(long createdAtMillis, String eventId) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((createdAtMillis + ":" + eventId).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The position a cursor names.
     *
     * @throws IllegalArgumentException naming the cursor when this store did not write it
     */
    public static Position decode(String cursor) {
        try {
            String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int colon = s.indexOf(':');
            if (colon > 0 && colon < s.length() - 1) {
                return new Position(Long.parseLong(s.substring(0, colon)), s.substring(colon + 1));
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalArgumentException("cursor must be a nextCursor of an earlier page, but was: '" + cursor + "'");
    }
}
