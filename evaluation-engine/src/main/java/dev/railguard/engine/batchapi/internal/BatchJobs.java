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
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * The run's batches: each batch's id, round, the request key of each of its lines and whether a run read its results,
 * written to the job file (when there is one) before the run waits for the batch, by an atomic replace. A run started again with the file finds
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
    /** The batches read from the file (sent by an earlier process), and the lines of theirs this run asked for. */
    private final List<Batch> earlier = new ArrayList<>();
    private final Set<Line> used = new HashSet<>();
    /** The batches whose results a run has read (so their answers were used, or are in the judge cache). */
    private final Set<String> read = new HashSet<>();
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
            if (whole && !b.path("read").isMissingNode() && !b.path("read").isBoolean()) {
                throw new IllegalArgumentException("batchApi.jobFile '" + file + "' must say whether batch " + n
                        + " was read with true or false, but it says " + b.path("read") + "; delete the file to"
                        + " start over");
            }
            if (!whole || lines.containsValue("")) {
                throw new IllegalArgumentException("batchApi.jobFile '" + file + "' must hold batches with an id, a"
                        + " round and their lines, but batch " + n + " is " + b + "; its requests would be sent"
                        + " again: delete the file to start over");
            }
            jobs.add(new Batch(b.path("id").asText(), b.path("round").asInt(), lines));
            if (b.path("read").asBoolean(false)) {
                jobs.read.add(b.path("id").asText());
            }
        }
        jobs.earlier.addAll(jobs.batches);
        return jobs;
    }

    private void add(Batch batch) {
        batches.add(batch);
        batch.keysByLine().forEach((line, key) -> byKey.put(key, new Line(batch.id(), line)));
    }

    /** The line that carries request {@code key} in a recorded batch, if any. */
    public synchronized Optional<Line> lookup(String key) {
        Line line = byKey.get(key);
        if (line != null) {
            used.add(line);
        }
        return Optional.ofNullable(line);
    }

    /**
     * Records that the results of batch {@code id} were read, so a later run that does not ask for its lines (they
     * are done, or in the judge cache) does not count them as unused. A file that cannot be written keeps it in
     * memory: at worst a later run calls the batch unused.
     */
    public synchronized void markRead(String id) {
        if (read.add(id)) {
            try {
                write();
            } catch (UncheckedIOException e) {
                // the batch is answered: only the later notice of unused batches could be wrong
            }
        }
    }

    /**
     * What this run left unused of the batches an earlier process recorded in the file but never read, as a progress
     * line, if anything: their requests differ from this run's (another run mode, metric set, judge or prompt), so
     * the provider billed lines whose answers nobody reads.
     */
    public synchronized Optional<String> unused() {
        List<String> whole = new ArrayList<>();
        long wholeLines = 0;
        long otherLines = 0;
        for (Batch b : earlier) {
            if (read.contains(b.id())) {
                continue;
            }
            long left = b.keysByLine().keySet().stream().filter(id -> !used.contains(new Line(b.id(), id))).count();
            if (left == b.keysByLine().size()) {
                whole.add(b.id());
                wholeLines += left;
            } else {
                otherLines += left;
            }
        }
        if (whole.isEmpty() && otherLines == 0) {
            return Optional.empty();
        }
        String batchesPart = whole.isEmpty() ? "" : whole.size() + " of " + earlier.size() + " batch"
                + (earlier.size() == 1 ? "" : "es") + " recorded in " + file + " ("
                + String.join(", ", whole.subList(0, Math.min(5, whole.size()))) + (whole.size() > 5 ? ", ..." : "")
                + ") answered no request of this run: " + (whole.size() == 1 ? "its " : "their ") + wholeLines
                + " line" + (wholeLines == 1 ? "" : "s") + ", billed, were sent by a run with another run mode, metric"
                + " set, judge or prompt, and their answers go unused";
        String linesPart = otherLines == 0 ? "" : otherLines + " line" + (otherLines == 1 ? "" : "s") + " of "
                + (whole.isEmpty() ? "the batches recorded in " + file : "the other batches")
                + " answered no request of this run (billed, unused: sent by a run with another run mode, metric"
                + " set, judge or prompt)";
        return Optional.of("railguard batch-api: " + batchesPart + (batchesPart.isEmpty() || linesPart.isEmpty()
                ? "" : "; ") + linesPart);
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
            ObjectNode n = root.withArray("batches").addObject().put("id", b.id()).put("round", b.round())
                    .put("read", read.contains(b.id()));
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
