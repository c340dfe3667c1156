package nendo.config;

import java.nio.file.Path;

/**
 * Where the service reads its corpus and keeps its index, where it listens, and the admin token
 * (null: the admin API is off).
 */
public record AppConfig(Path corpusDir, Path indexDir, String host, int port, String adminToken) {
    /** The environment variable the admin token is read from (never a command-line argument, which ps shows). */
    public static final String ADMIN_TOKEN_VARIABLE = "NENDO_ADMIN_TOKEN";
    /** A shorter token could be guessed. */
    public static final int MIN_ADMIN_TOKEN_LENGTH = 16;

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 7070;

    public AppConfig(Path corpusDir, Path indexDir, String host, int port) {
        this(corpusDir, indexDir, host, port, null);
    }

    public static AppConfig defaults() {
        return new AppConfig(Path.of("corpus"), Path.of("index"), DEFAULT_HOST, DEFAULT_PORT);
    }

    public AppConfig withAdminToken(String token) {
        return new AppConfig(corpusDir, indexDir, host, port, token);
    }

    @Override
    public String toString() {
        // The token never reaches a log line.
        return "AppConfig[corpusDir=" + corpusDir + ", indexDir=" + indexDir + ", host=" + host + ", port=" + port
                + ", admin=" + (adminToken == null ? "off" : "on") + "]";
    }
}
