package demo.reach;

// The embedding API: nothing in the project calls it, an application
// does, in its own JVM.
public class Embedder {
    private final Engine engine = new Engine();

    public void start() {
        engine.boot();
    }

    public void init() {
        load();
    }

    private void load() {
        engine.prepare();
    }
}
