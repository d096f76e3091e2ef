package dev.railguard.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads prompt texts kept as versioned class-path resources ({@code name.vN.txt}), for the engine's templates and
 * for metric authors' rubrics. Each resource is read once.
 */
public final class PromptResources {

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private PromptResources() {}

    /**
     * The text of resource {@code path}, relative to {@code anchor}'s package or absolute with a leading slash,
     * without trailing blank lines.
     *
     * @throws IllegalStateException naming the resource and the class when it is not on the class path
     */
    public static String load(Class<?> anchor, String path) {
        return CACHE.computeIfAbsent(anchor.getName() + ":" + path, k -> {
            try (InputStream in = anchor.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("prompt resource '" + path + "' not found on the class path of "
                            + anchor.getName());
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).stripTrailing();
            } catch (IOException e) {
                throw new UncheckedIOException("could not read prompt resource '" + path + "'", e);
            }
        });
    }
}
