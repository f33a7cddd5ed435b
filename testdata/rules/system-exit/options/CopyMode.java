package options;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

// A mode: its configure takes the command line; its execute is what an
// embedder calls after setting the mode up itself, so its exit stays the
// library's.
public class CopyMode extends Mode {
    private int threads = 1;

    protected Options options() {
        return new Options().addOption("threads", true, "worker count");
    }

    public Mode configure(String[] args) {
        CommandLine line = parse(args);
        threads = threads(line);
        return this;
    }

    public void setThreads(int threads) {
        this.threads = threads;
    }

    public void execute() {
        if (threads > 64) {
            System.exit(5); // want "system-exit"
        }
    }
}
