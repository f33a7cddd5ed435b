package options;

// The library's own entry for programs that embed it: a mode set up by
// its setters, and the driver for a mode the embedder already holds.
public class Embedder {
    public static void copy(int threads) {
        CopyMode m = new CopyMode();
        m.setThreads(threads);
        m.execute(); // want "system-exit"
    }

    public static Driver driver(Mode mode) {
        return new Driver(mode, new String[0]);
    }
}
