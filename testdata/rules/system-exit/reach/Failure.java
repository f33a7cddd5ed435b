package reach;

// Only the launcher reaches it: the process is the tool's own.
final class Failure {
    private Failure() {
    }

    static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }
}
