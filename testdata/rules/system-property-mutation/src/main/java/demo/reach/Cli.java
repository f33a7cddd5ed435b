package demo.reach;

// A command line: it sets its tool up and starts the engine beside it.
public final class Cli {
    public static void main(String[] args) {
        new Setup().configure(args);
        Engine engine = new Engine();
        engine.boot();
        engine.prepare();
    }
}
