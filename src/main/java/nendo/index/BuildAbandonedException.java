package nendo.index;

import java.io.IOException;

/** A build stopped because the index was closed under it: rolled back, the last commit untouched. */
public final class BuildAbandonedException extends IOException {
    BuildAbandonedException(Throwable cause) {
        super("索引の作り直しを中断しました (the build was abandoned)", cause);
    }
}
