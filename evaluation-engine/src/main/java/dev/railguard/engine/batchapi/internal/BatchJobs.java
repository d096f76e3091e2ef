package dev.railguard.engine.batchapi.internal;

import dev.railguard.engine.internal.call.Untrusted;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * The run's batches: each batch's id, round and the request key of each of its lines, written to the job file (when
 * there is one) before the run waits for the batch, by an atomic replace. A run started again with the file finds
 * its requests here and waits for their batches instead of submitting them twice. The file holds no prompt and no
 * key, only hashes of requests. Thread-safe.
 */
public final class BatchJobs {

    /** A submitted line: its batch and its custom id there. */
    public record Line(String batchId, String customId) {}

    /** A recorded batch. */
    public record Batch(String id, int round, Map<String, String> keysByLine) {}

    private static final int FORMAT = 1;

    private final Path file;
    private final String runKey;
    private final String provider;
    private final List<Batch> batches = new ArrayList<>();
    private final Map<String, Line> byKey = new HashMap<>();
    private long nextLine = 1;

    private BatchJobs(Path file, String runKey, String provider) {
        this.file = file;
        this.runKey = runKey;
        this.provider = provider;
    }

    /**
     * The jobs recorded in {@code file} for the run {@code runKey}, or none yet; in memory only when {@code file} is
     * null.
     *
     * @throws IllegalArgumentException when the file was written for another input or provider, or is not a job file
     */
    public static BatchJobs open(Path file, String runKey, String provider) {
        BatchJobs jobs = new BatchJobs(file, runKey, provider);
        if (file == null || !Files.exists(file)) {
            return jobs;
        }
        JsonNode root;
        try {
            root = BatchHttp.JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException("batchApi.jobFile must be a job file of an earlier run, but '" + file
                    + "' could not be read as one (" + e.getMessage() + "); delete it to start over");
        }
        if (root == null || root.path("format").asInt() != FORMAT) {
            throw new IllegalArgumentException("batchApi.jobFile must be a job file of format " + FORMAT
                    + ", but '" + file + "' is not; delete it to start over");
        }
        String recordedKey = root.path("run_key").asText();
        if (!recordedKey.equals(runKey)) {
            throw new IllegalArgumentException("batchApi.jobFile '" + file + "' holds the batches of another input"
                    + " (input hash " + recordedKey + "), but this run's input hash is " + runKey + "; resume with the"
                    + " input file of that run, or start over (without --resume), which abandons those batches");
        }
        String recordedProvider = root.path("provider").asText();
        if (!recordedProvider.equals(provider)) {
            throw new IllegalArgumentException("batchApi.jobFile '" + file + "' holds batches of provider '"
                    + recordedProvider + "', but this run uses '" + provider + "'; resume with the same provider, or"
                    + " start over (without --resume)");
        }
        // read strictly: a batch the file names but this run could not read would have its requests sent again
        JsonNode next = root.path("next_line");
        if (!next.isIntegralNumber() || next.asLong() < 1) {
            throw new IllegalArgumentException("batchApi.jobFile '" + file + "' must say its next line number"
                    + " (next_line, 1 or more), but it does not; delete the file to start over");
        }
        jobs.nextLine = next.asLong();
        if (!root.path("batches").isMissingNode() && !root.path("batches").isArray()) {
            throw new IllegalArgumentException("batchApi.jobFile '" + file + "' must hold a list of batches, but its"
                    + " batches are " + root.path("batches") + "; delete the file to start over");
        }
        int n = 0;
        for (JsonNode b : root.path("batches")) {
            n++;
            Map<String, String> lines = new LinkedHashMap<>();
            boolean whole = b.path("id").isTextual() && !b.path("id").asText().isBlank()
                    && b.path("round").isIntegralNumber() && b.path("lines").isObject();
            if (whole) {
                b.path("lines").fields().forEachRemaining(e -> lines.put(e.getKey(), e.getValue().isTextual()
                        ? e.getValue().asText() : ""));
            }
            if (!whole || lines.containsValue("")) {
                throw new IllegalArgumentException("batchApi.jobFile '" + file + "' must hold batches with an id, a"
                        + " round and their lines, but batch " + n + " is " + b + "; its requests would be sent"
                        + " again: delete the file to start over");
            }
            jobs.add(new Batch(b.path("id").asText(), b.path("round").asInt(), lines));
        }
        return jobs;
    }

    private void add(Batch batch) {
        batches.add(batch);
        batch.keysByLine().forEach((line, key) -> byKey.put(key, new Line(batch.id(), line)));
    }

    /** The line that carries request {@code key} in a recorded batch, if any. */
    public synchronized Optional<Line> lookup(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** Forgets where request {@code key} was sent (its line failed), so it can be sent again. */
    public synchronized void forget(String key) {
        byKey.remove(key);
    }

    /** A fresh custom id for a line; unique within the run, across processes. */
    public synchronized String nextLineId() {
        return "rg-" + nextLine++;
    }

    /** Records a submitted batch and writes the file before anyone waits for it. */
    public synchronized void record(Batch batch) {
        add(batch);
        write();
    }

    /** The recorded batches, oldest first. */
    public synchronized List<Batch> batches() {
        return List.copyOf(batches);
    }

    /** The number of the last recorded round, 0 for none. */
    public synchronized int lastRound() {
        return batches.stream().mapToInt(Batch::round).max().orElse(0);
    }

    /**
     * The key of a request to {@code provider}: a hash of its body with the per-call fence nonces normalised, so the
     * same call of a run started again finds its recorded line.
     */
    static String requestKey(String provider, String body) {
        String normalised = body;
        Matcher m = Untrusted.DELIMITER.matcher(body);
        while (m.find()) {
            normalised = normalised.replace(m.group(1), "{nonce}");
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest((provider + "\n" + normalised)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void write() {
        if (file == null) {
            return;
        }
        ObjectNode root = BatchHttp.JSON.createObjectNode().put("format", FORMAT).put("provider", provider)
                .put("run_key", runKey).put("next_line", nextLine);
        for (Batch b : batches) {
            ObjectNode n = root.withArray("batches").addObject().put("id", b.id()).put("round", b.round());
            ObjectNode lines = n.putObject("lines");
            b.keysByLine().forEach(lines::put);
        }
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            Files.writeString(tmp, BatchHttp.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n",
                    StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the batch job file " + file, e);
        }
    }
}
