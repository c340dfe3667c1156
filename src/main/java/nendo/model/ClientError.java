package nendo.model;

/**
 * Something the caller did wrong (a bad parameter, an unknown id). The web layer turns it into a
 * 4xx JSON answer and the CLI into a message and a non-zero exit; it is never logged as a failure.
 */
public final class ClientError extends RuntimeException {
    /** Which kind of wrong: decides the HTTP status. */
    public enum Kind {
        BAD_REQUEST(400), UNAUTHORIZED(401), FORBIDDEN(403), NOT_FOUND(404), CONFLICT(409);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

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

    /** No credentials where they are required. */
    public static ClientError unauthorized(String message) {
        return new ClientError(Kind.UNAUTHORIZED, message);
    }

    /** Credentials given but not allowed, or the feature is switched off. */
    public static ClientError forbidden(String message) {
        return new ClientError(Kind.FORBIDDEN, message);
    }

    /** The request is fine but clashes with work in progress (a rebuild already running). */
    public static ClientError conflict(String message) {
        return new ClientError(Kind.CONFLICT, message);
    }

    public Kind kind() {
        return kind;
    }
}
