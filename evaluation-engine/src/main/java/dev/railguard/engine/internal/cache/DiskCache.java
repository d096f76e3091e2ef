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
import java.nio.file.NoSuchFileException;
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

/**
 * Judge replies on disk, one file per cache key under {@code dir/<first two hex digits>/<key>.json}. A file is a
 * header line {@code railguard-judge-cache v1 <payload bytes> <sha-256 of payload>} followed by the payload (the
 * reply, its diagnostics and when it was written). Writes go to a temporary file in the same directory that is then
 * moved over the entry, atomically where the file system allows, so a crash leaves either the old entry, the new one,
 * or a stray temporary file; never a half-written entry under the key. An entry whose length or checksum does not
 * match its header (cut short, damaged) is deleted and recomputed, never parsed; so is an expired one.
 */
public final class DiskCache {

    private static final Logger LOG = LoggerFactory.getLogger(DiskCache.class);

    private static final String MAGIC = "railguard-judge-cache v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final Duration expiry;
    private final Clock clock;
    private final EngineCounters counters;

    public DiskCache(Path dir, Duration expiry, Clock clock, EngineCounters counters) {
        this.dir = dir;
        this.expiry = expiry;
        this.clock = clock;
        this.counters = counters;
    }

    public Path fileOf(String key) {
        return dir.resolve(key.substring(0, 2)).resolve(key + ".json");
    }

    /** The stored reply of {@code key}, if a complete, unexpired entry exists. */
    public Optional<Entry> read(String key) {
        Path file = fileOf(key);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
        Entry entry = decode(bytes);
        if (entry == null) {
            counters.corruptCacheEntries.increment();
            LOG.warn("judge cache entry {} was damaged (cut short or checksum mismatch); deleted, the call is made"
                    + " again", file);
            deleteQuietly(file);
            return Optional.empty();
        }
        if (entry.writtenAt().plus(expiry).isBefore(clock.instant())) {
            deleteQuietly(file);
            return Optional.empty();
        }
        return Optional.of(entry);
    }

    /** Stores {@code entry} under {@code key}; a failure to write only costs a future recomputation. */
    public void write(String key, JsonNode reply, List<Diagnostic> diagnostics) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("writtenAt", clock.instant().toString());
        payload.set("reply", reply);
        ArrayNode diags = payload.putArray("diagnostics");
        for (Diagnostic d : diagnostics) {
            diags.addObject().put("severity", d.severity().name()).put("message", d.message());
        }
        byte[] body = payload.toString().getBytes(StandardCharsets.UTF_8);
        byte[] header = (MAGIC + " " + body.length + " " + sha256(body) + "\n").getBytes(StandardCharsets.UTF_8);
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

    /** A decoded entry, or {@code null} when the bytes are not a complete entry. */
    public static Entry decode(byte[] bytes) {
        int nl = -1;
        for (int i = 0; i < Math.min(bytes.length, 256); i++) {
            if (bytes[i] == '\n') {
                nl = i;
                break;
            }
        }
        if (nl < 0) {
            return null;
        }
        String[] header = new String(bytes, 0, nl, StandardCharsets.UTF_8).split(" ");
        if (header.length != 4 || !(header[0] + " " + header[1]).equals(MAGIC)) {
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
            List<Diagnostic> diagnostics = new ArrayList<>();
            for (JsonNode d : payload.path("diagnostics")) {
                diagnostics.add(new Diagnostic(Diagnostic.Severity.valueOf(d.path("severity").asText()),
                        d.path("message").asText()));
            }
            JsonNode reply = payload.get("reply");
            if (reply == null || reply.isNull()) {
                return null;
            }
            return new Entry(reply, diagnostics, Instant.parse(payload.path("writtenAt").asText()));
        } catch (IOException | RuntimeException e) {
            return null;
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
