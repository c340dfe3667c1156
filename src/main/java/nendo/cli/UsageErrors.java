package nendo.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * A command line that cannot be read (an unknown option, a value of the wrong type, a missing
 * value): one line saying so in Japanese with picocli's English after it, the suggestions picocli
 * has for a mistyped name, and where the help is, instead of picocli's English line and the whole
 * usage text.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {
    private final PrintWriter err;

    UsageErrors(PrintWriter err) {
        this.err = err;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cli = ex.getCommandLine();
        err.println("エラー: " + message(ex));
        if (ex instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            err.println("もしかして: " + String.join(", ", unmatched.getSuggestions()));
        }
        err.println("使い方: " + cli.getCommandSpec().qualifiedName() + " --help");
        err.flush();
        return cli.getCommandSpec().exitCodeOnInvalidInput();
    }

    static String message(ParameterException ex) {
        String english = ex.getMessage();
        String japanese;
        if (ex instanceof CommandLine.UnmatchedArgumentException unmatched) {
            japanese = unmatched.isUnknownOption() ? "知らないオプションです" : "解釈できない引数があります";
        } else if (ex instanceof CommandLine.MissingParameterException) {
            japanese = "必要な値が指定されていません";
        } else if (ex instanceof CommandLine.OverwrittenOptionException) {
            japanese = "同じオプションが二度指定されています";
        } else if (english != null && english.startsWith("Invalid value")) {
            japanese = "オプションの値が正しくありません";
        } else if (ex.getClass() == ParameterException.class && english != null) {
            return english;   // our own checks (a port out of range, no subcommand) speak Japanese already
        } else {
            japanese = "コマンドラインを解釈できません";
        }
        return english == null ? japanese : japanese + " (" + english + ")";
    }
}
