package nendo.config;

import java.nio.file.Path;

/** Where the service reads its corpus and keeps its index, and where it listens. */
public record AppConfig(Path corpusDir, Path indexDir, String host, int port) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 7070;

    public static AppConfig defaults() {
        return new AppConfig(Path.of("corpus"), Path.of("index"), DEFAULT_HOST, DEFAULT_PORT);
    }
}
