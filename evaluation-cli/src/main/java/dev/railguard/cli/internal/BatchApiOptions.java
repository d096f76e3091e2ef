package dev.railguard.cli.internal;

import dev.railguard.batch.BatchLines;
import dev.railguard.config.JudgeEnvironment;
import dev.railguard.config.RailguardProject;
import dev.railguard.engine.batchapi.BatchApi;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The batch-API options of {@code railguard eval}, and the {@link BatchApi} they describe with the project file's
 * {@code batch_api:} (the options win).
 */
public final class BatchApiOptions {

    /** The value of {@code --batch-api} that runs synchronously although the project file asks for a batch API. */
    static final String OFF = "off";

    @Option(names = "--batch-api", arity = "0..1", fallbackValue = "", paramLabel = "PROVIDER",
            description = "Send the judge calls through the provider's batch API at batch prices (about half the list"
                    + " price, answered within 24 hours): openai, anthropic or gemini (default: the judges'"
                    + " provider), at the judges' base URL and key; 'off' calls synchronously although the project file's batch_api"
                    + " asks otherwise. Every judge call of a round goes into one batch; the batches are recorded in"
                    + " OUT/batch-jobs.json, so a run killed while it waits picks them up with --resume. --concurrency"
                    + " defaults to 10000 with it (the whole file in one round).")
    String provider;

    @Option(names = "--batch-sync-fallback", description = "With --batch-api: send lines a batch reports failed or"
            + " expired to the synchronous API at once (at list price) instead of into the next round (default: the"
            + " file's batch_api.sync_fallback, else off).")
    boolean batchSyncFallback;

    @Option(names = "--batch-poll", paramLabel = "MILLIS",
            description = "With --batch-api: the first wait between two checks of a batch, doubling up to 5 minutes"
                    + " (default: the file's batch_api.poll_seconds, else 5000).")
    Long batchPollMillis;

    /**
     * The batch API of {@code --batch-api}, else of the project file's {@code batch_api:}, at the judges' endpoint;
     * null when neither asks for one. Its jobs go to {@code dir}/batch-jobs.json keyed by the hash of {@code inputs}.
     * Without {@code resume} an earlier job file is deleted (its batches abandoned).
     *
     * @throws IllegalArgumentException for a provider without a batch API, or another provider than the judges' (the
     *                                  message starts with the option or the file that asked for it)
     * @throws CliFailure (exit 2) when an input cannot be read or the job file not deleted
     */
    public BatchApi batchApi(Optional<RailguardProject> project, JudgeEnvironment judges, List<Path> inputs, Path dir,
            boolean resume, PrintStream err) {
        Path jobs = dir.resolve("batch-jobs.json");
        try {
            if (!resume && Files.deleteIfExists(jobs)) {
                err.println("railguard eval: abandoning the batches in " + jobs + " (--resume picks them up)");
            }
            Optional<BatchApi.Builder> chosen;
            if (provider == null) {
                chosen = project.flatMap(RailguardProject::batchApi);
            } else if (provider.strip().toLowerCase(Locale.ROOT).equals(OFF)) {
                chosen = Optional.empty();
            } else {
                chosen = Optional.of(project.isPresent() ? project.get().batchApi(provider)
                        : judges.batchApi(provider));
            }
            if (chosen.isEmpty()) {
                return null;
            }
            BatchApi.Builder b = chosen.get().jobFile(jobs, inputHash(inputs)).progress(err::println);
            if (batchSyncFallback) {
                b.synchronousFallback(true);
            }
            if (batchPollMillis != null) {
                b.pollInterval(Duration.ofMillis(batchPollMillis));
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException((provider != null ? "--batch-api: " : "batch_api of "
                    + project.map(RailguardProject::file).orElseThrow() + ": ") + e.getMessage(), e);
        } catch (IOException e) {
            throw new CliFailure(2, "--batch-api: could not read " + inputs + " or write " + jobs + ": "
                    + e.getMessage(), e);
        }
    }

    /** The hash of the one input's content; of several, the hash of their hashes in order. */
    private static String inputHash(List<Path> inputs) throws IOException {
        List<String> hashes = new ArrayList<>();
        for (Path in : inputs) {
            hashes.add(BatchLines.hash(Files.readString(in, StandardCharsets.UTF_8)));
        }
        return hashes.size() == 1 ? hashes.get(0) : BatchLines.hash(String.join("\n", hashes));
    }
}
