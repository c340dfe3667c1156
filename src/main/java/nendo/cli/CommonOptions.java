package nendo.cli;

import java.nio.file.Path;
import nendo.config.AppConfig;
import picocli.CommandLine.Option;

/** Where the corpus and the index are; shared by every subcommand. */
final class CommonOptions {
    @Option(names = "--corpus", paramLabel = "DIR", description = "コーパスのフォルダ (default: ${DEFAULT-VALUE})")
    Path corpus = AppConfig.defaults().corpusDir();

    @Option(names = "--index", paramLabel = "DIR", description = "索引のフォルダ (default: ${DEFAULT-VALUE})")
    Path index = AppConfig.defaults().indexDir();

    AppConfig config(String host, int port) {
        return new AppConfig(corpus, index, host, port);
    }

    AppConfig config() {
        return config(AppConfig.DEFAULT_HOST, AppConfig.DEFAULT_PORT);
    }
}
