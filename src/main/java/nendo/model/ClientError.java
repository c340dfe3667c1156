package nendo.model;

/**
 * Something the caller did wrong (a bad parameter, an unknown id). The web layer turns it into a
 * 4xx JSON answer and the CLI into a message and a non-zero exit; it is never logged as a failure.
 */
public final class ClientError extends RuntimeException {
    /** Which kind of wrong: decides the HTTP status. */
    public enum Kind { BAD_REQUEST, NOT_FOUND }

    private final Kind kind;

    public ClientError(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public static ClientError badRequest(String message) {
        return new ClientError(Kind.BAD_REQUEST, message);
    }

    public static ClientError notFound(String message) {
        return new ClientError(Kind.NOT_FOUND, message);
    }

    public Kind kind() {
        return kind;
    }
}
