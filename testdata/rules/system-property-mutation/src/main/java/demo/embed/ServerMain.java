package demo.embed;

// A launcher the embedding API names too: applications that start the
// server in their own JVM load the class, and its static initialiser
// runs there.
public final class ServerMain {
    static {
        System.setProperty("embed.home", "."); // want "system-property-mutation:low"
    }

    public static void main(String[] args) {
        new ServerMain().run();
    }

    public void run() {
        ServerConfig.touch();
    }
}
