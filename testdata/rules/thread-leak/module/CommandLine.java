package demo.cli;

// A command-line tool whose main starts a listener that runs until the
// process ends: that process is the tool's own, not a shared JVM.
public final class CommandLine {
    public static void main(String[] args) {
        listen(Integer.parseInt(args[0]));
    }

    private static void listen(int port) {
        new Thread(() -> {
            while (true) {
                serve(port);
            }
        }).start();
    }

    private static void serve(int port) {
    }
}

// The same listener started from a public method any caller can reach.
class Listener {
    public static void listen(int port) {
        new Thread(() -> { // want "thread-leak:low" bytecode:-
            while (true) {
                serve(port);
            }
        }).start();
    }

    private static void serve(int port) {
    }
}
