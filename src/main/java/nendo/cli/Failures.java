package nendo.cli;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The one line a command prints for a failure: what went wrong and where, in Japanese (English may
 * follow), never an exception's class name. Wrappers (UncheckedIOException, a Javalin start failure)
 * are looked through to the failure they carry.
 */
final class Failures {
    private Failures() {}

    /** Whether the failure is one of the expected kinds (files, ports), not a defect to log in full. */
    static boolean expected(Throwable failure) {
        Throwable t = cause(failure);
        return t instanceof java.io.IOException;
    }

    static String message(Throwable failure) {
        Throwable t = cause(failure);
        if (t instanceof FileSystemException fs) return fileMessage(fs);
        String message = t.getMessage();
        if (message == null || message.isBlank()) return "予期しない内部エラーです (internal error)";
        return message;
    }

    /** The failure a chain of wrappers carries. */
    static Throwable cause(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t && wraps(t)) t = t.getCause();
        return t;
    }

    /** A wrapper adds nothing of its own: its message is absent or just its cause's. */
    private static boolean wraps(Throwable t) {
        return t instanceof UncheckedIOException || t instanceof CompletionException || t instanceof ExecutionException
                || t.getMessage() == null || t.getMessage().equals(t.getCause().toString());
    }

    /** "path: reason": file system exceptions carry the path and, from the JDK, often no reason. */
    private static String fileMessage(FileSystemException e) {
        String reason = e.getReason();
        if (reason == null || reason.isBlank()) {
            reason = switch (e) {
                case NoSuchFileException n -> "ファイル・フォルダがありません (not found)";
                case AccessDeniedException a -> "読み書きの権限がありません (permission denied)";
                case FileAlreadyExistsException x -> "すでにあります (already exists)";
                case NotDirectoryException d -> "フォルダではありません (not a directory)";
                default -> "扱えません (file system error)";
            };
        }
        String file = e.getFile() == null ? "" : e.getFile() + (e.getOtherFile() == null ? "" : " → " + e.getOtherFile());
        return file.isEmpty() ? reason : file + ": " + reason;
    }
}
