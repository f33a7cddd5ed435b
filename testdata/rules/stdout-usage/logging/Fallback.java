package demo.util.log;

// A library's own logging layer: when no backend can be loaded, the
// console is the log.
public class Fallback {
    void warn(String msg, Throwable t) {
        System.err.println("[WARN] " + msg);
        t.printStackTrace();
    }
}
