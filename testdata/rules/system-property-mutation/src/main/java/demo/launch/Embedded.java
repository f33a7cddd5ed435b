package demo.launch;

// The embedding API: an application starts the server in its own JVM.
public class Embedded {
    static final String DEFAULT_BASE = ".";

    public void start(String base) {
        new Bootstrap().load(base);
    }
}
