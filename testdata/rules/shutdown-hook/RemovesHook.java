package fixtures.hooks;

// A class that removes its hook when its context closes is not flagged.
public class RemovesHook {
    private final Thread hook = new Thread(this::close);

    void start() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    void onContextClosed() {
        Runtime.getRuntime().removeShutdownHook(hook);
    }

    void close() {
    }
}
