package nendo.cli;

import java.nio.file.Path;
import java.util.Optional;
import nendo.corpus.CorpusSnapshot;
import nendo.index.IndexState;
import nendo.model.ClientError;

/**
 * Stops a command from building an archive out of a corpus folder given by mistake. A running
 * service picks up a new commit of its index within seconds, so a typo in {@code --corpus} on
 * {@code search} or {@code index} would otherwise replace the published archive with whatever the
 * mistaken folder holds (nothing at all, or one organization's subfolder).
 */
final class CorpusGuard {
    private CorpusGuard() {}

    /** @throws ClientError if the folder holds no plan file, no record file and no broken one */
    static void requireContents(CorpusSnapshot corpus, Path corpusOption) {
        if (corpus.holdsNothing()) {
            throw ClientError.badRequest("コーパスのフォルダ " + corpusOption + " には計画文書（.md）も記録ファイル（.jsonl）もありません。"
                    + "--corpus を確かめてください (no plan or record files in the corpus folder)");
        }
    }

    /**
     * @param corpusOption the folder as the user gave it, for the message
     * @param indexOption the index folder as the user gave it, for the message
     * @param replacing whether the user asked for the index to be rebuilt from this corpus
     *     ({@code index --full}), which is then what they meant
     * @throws ClientError if the folder holds nothing, or if the index was built from another folder
     *     with other contents and would be replaced without being asked to
     */
    static void check(CorpusSnapshot corpus, Optional<IndexState> index, Path corpusOption, Path indexOption,
                      boolean replacing) {
        requireContents(corpus, corpusOption);
        if (replacing || index.isEmpty()) return;
        String builtFrom = index.get().corpusFolder();
        boolean otherFolder = builtFrom != null && !builtFrom.isEmpty() && !builtFrom.equals(corpus.folder());
        if (otherFolder && !corpus.fingerprint().equals(index.get().corpusFingerprint())) {
            throw ClientError.conflict("索引 " + indexOption + " は別のコーパス " + builtFrom + " から作られています。"
                    + "置き換えないよう中止しました。このコーパスで作り直すなら index --full を、別の索引にするなら --index を指定してください"
                    + " (the index was built from another corpus folder; use index --full to replace it, or --index for another index)");
        }
    }
}
