package fixtures.hooks;

import java.util.logging.LogManager;

// Hooks that belong to a process of its own: the JVM's LogManager, which it
// creates once at start from -Djava.util.logging.manager; a command line's
// main. A private method nothing calls registers nothing.
public class Installed {
    public static class ProcessLogManager extends LogManager {
        public ProcessLogManager() {
            Runtime.getRuntime().addShutdownHook(new Thread(this::flushAll));
        }

        void flushAll() {
        }
    }

    // A LogManager look-alike that is not one: an app's own registry.
    public static class Registry {
        public Registry() {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> { })); // want "shutdown-hook"
        }
    }

    private void unused() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> { })); // want "shutdown-hook" source:-
    }
}

class Cli {
    public static void main(String[] args) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> { }));
        serve();
    }

    private static void serve() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> { }));
    }

    public void embed() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> { })); // want "shutdown-hook"
    }
}
