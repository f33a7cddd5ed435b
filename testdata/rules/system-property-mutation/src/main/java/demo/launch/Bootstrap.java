package demo.launch;

// A server's launcher whose start-up path the embedding API also takes
// (Embedded.start): the write and the reads of its key are the shared
// JVM's, whichever way the server was started.
public final class Bootstrap {
    public static void main(String[] args) {
        new Bootstrap().load(args.length > 0 ? args[0] : Embedded.DEFAULT_BASE);
    }

    public void load(String base) {
        System.setProperty("server.base", base); // want "system-property-mutation:low"
    }

    public static String base() {
        return System.getProperty("server.base"); // want "system-property-mutation:medium"
    }
}
