package dev.railguard.engine.internal.cache;

import dev.railguard.engine.Judge;
import dev.railguard.engine.internal.call.EngineCounters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.railguard.api.Diagnostic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Judge replies on disk, one file per cache key under {@code dir/<first two hex digits>/<key>.json}. A file is a
 * header line {@code railguard-judge-cache v2 <payload bytes> <sha-256 of payload> <hmac or ->} followed by the payload
 * (the full key, the reply, its diagnostics and when it was written). Writes go to a temporary file in the same
 * directory that is then moved over the entry, atomically where the file system allows, so a crash leaves either the
 * old entry, the new one, or a stray temporary file; never a half-written entry under the key.
 *
 * <p>An entry is used only when it is complete (length and checksum match), bound to the key it is read for (the key
 * stored inside equals the key asked for, so an entry copied over another is not trusted), written no later than now
 * (plus one minute of clock skew) and not expired, and, with a cache secret, carries a valid HMAC-SHA256 of key and
 * payload. Anything else is deleted and recomputed, never parsed into a result. The checksum detects damage, not
 * tampering: without a secret, whoever can write the directory can write an entry that is trusted. The engine also
 * validates every reply read from here against the call's schema.
 */
public final class DiskCache {

    private static final Logger LOG = LoggerFactory.getLogger(DiskCache.class);

    private static final String MAGIC = "railguard-judge-cache v2";
    /** How far in the future a write time may lie (clock skew between processes) before the entry is refused. */
    static final Duration SKEW = Duration.ofMinutes(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final Duration expiry;
    private final Clock clock;
    private final EngineCounters counters;
    private final byte[] secret;

    public DiskCache(Path dir, Duration expiry, Clock clock, EngineCounters counters) {
        this(dir, expiry, clock, counters, null);
    }

    /** A directory cache; {@code secret} (may be null) turns on an HMAC per entry. */
    public DiskCache(Path dir, Duration expiry, Clock clock, EngineCounters counters, byte[] secret) {
        this.dir = dir;
        this.expiry = expiry;
        this.clock = clock;
        this.counters = counters;
        this.secret = secret == null || secret.length == 0 ? null : secret.clone();
    }

    /**
     * Creates {@code dir} if needed and proves it writable with a probe file, so a directory that cannot hold the cache
     * fails when the evaluator is built instead of silently caching in memory only.
     */
    public static void checkWritable(Path dir) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".railguard-probe", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            throw new IllegalArgumentException("cacheDirectory '" + dir + "' cannot be created or written ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "); give a writable directory, or"
                    + " leave cacheDirectory unset to cache in memory only", e);
        }
    }

    public Path fileOf(String key) {
        return dir.resolve(key.substring(0, 2)).resolve(key + ".json");
    }

    /** The stored reply of {@code key}, if a complete, unexpired entry bound to {@code key} exists. */
    public Optional<Entry> read(String key) {
        Path file = fileOf(key);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return Optional.empty();
        }
        Entry entry = decode(bytes, key, secret);
        Instant now = clock.instant();
        if (entry == null || entry.writtenAt().isAfter(now.plus(SKEW))) {
            counters.corruptCacheEntries.increment();
            LOG.warn("judge cache entry {} was damaged, bound to another key, unsigned or written in the future;"
                    + " deleted, the call is made again", file);
            deleteQuietly(file);
            return Optional.empty();
        }
        if (entry.writtenAt().plus(expiry).isBefore(now)) {
            deleteQuietly(file);
            return Optional.empty();
        }
        return Optional.of(entry);
    }

    /** Drops the entry of {@code key} (a reply the engine refused on reading), counting it as corrupt. */
    public void refuse(String key) {
        counters.corruptCacheEntries.increment();
        deleteQuietly(fileOf(key));
    }

    /** Stores {@code entry} under {@code key}; a failure to write only costs a future recomputation. */
    public void write(String key, JsonNode reply, List<Diagnostic> diagnostics) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("key", key);
        payload.put("writtenAt", clock.instant().toString());
        payload.set("reply", reply);
        ArrayNode diags = payload.putArray("diagnostics");
        for (Diagnostic d : diagnostics) {
            diags.addObject().put("severity", d.severity().name()).put("message", d.message());
        }
        byte[] body = payload.toString().getBytes(StandardCharsets.UTF_8);
        byte[] header = (MAGIC + " " + body.length + " " + sha256(body) + " " + (secret == null ? "-"
                : hmac(secret, key, body)) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[header.length + body.length];
        System.arraycopy(header, 0, all, 0, header.length);
        System.arraycopy(body, 0, all, header.length, body.length);
        Path file = fileOf(key);
        Path tmp = null;
        try {
            Files.createDirectories(file.getParent());
            tmp = file.resolveSibling(key + "." + UUID.randomUUID() + ".tmp");
            Files.write(tmp, all);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            if (tmp != null) {
                deleteQuietly(tmp);
            }
        }
    }

    /** A decoded entry, or {@code null} when the bytes are not a complete entry (any key, no HMAC check). */
    public static Entry decode(byte[] bytes) {
        return decode(bytes, null, null);
    }

    /**
     * A decoded entry, or {@code null} when the bytes are not a complete entry, the entry is bound to another key than
     * {@code key} (unless null), or {@code secret} is set and the HMAC is missing or wrong.
     */
    static Entry decode(byte[] bytes, String key, byte[] secret) {
        int nl = -1;
        for (int i = 0; i < Math.min(bytes.length, 512); i++) {
            if (bytes[i] == '\n') {
                nl = i;
                break;
            }
        }
        if (nl < 0) {
            return null;
        }
        String[] header = new String(bytes, 0, nl, StandardCharsets.UTF_8).split(" ");
        if (header.length != 5 || !(header[0] + " " + header[1]).equals(MAGIC)) {
            return null;
        }
        int length;
        try {
            length = Integer.parseInt(header[2]);
        } catch (NumberFormatException e) {
            return null;
        }
        byte[] body = new byte[bytes.length - nl - 1];
        System.arraycopy(bytes, nl + 1, body, 0, body.length);
        if (body.length != length || !sha256(body).equals(header[3])) {
            return null;
        }
        try {
            JsonNode payload = JSON.readTree(body);
            String storedKey = payload.path("key").asText("");
            if (storedKey.isEmpty() || key != null && !key.equals(storedKey)) {
                return null;
            }
            if (secret != null && !MessageDigest.isEqual(hmac(secret, storedKey, body)
                    .getBytes(StandardCharsets.US_ASCII), header[4].getBytes(StandardCharsets.US_ASCII))) {
                return null;
            }
            List<Diagnostic> diagnostics = new ArrayList<>();
            for (JsonNode d : payload.path("diagnostics")) {
                diagnostics.add(new Diagnostic(Diagnostic.Severity.valueOf(d.path("severity").asText()),
                        d.path("message").asText()));
            }
            JsonNode reply = payload.get("reply");
            if (reply == null || !reply.isObject()) {
                return null;
            }
            return new Entry(reply, diagnostics, Instant.parse(payload.path("writtenAt").asText()));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** HMAC-SHA256 of the key, a zero byte and the payload, in hex. */
    static String hmac(byte[] secret, String key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(key.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // A stale file is recomputed on the next read as well.
        }
    }

    /** A stored reply. */
    public record Entry(JsonNode reply, List<Diagnostic> diagnostics, Instant writtenAt) {}
}
