package demo.embed;

// A properties class the embedding API uses as well as the launcher.
public final class ServerConfig {
    static {
        System.setProperty("embed.config", "server.xml"); // want "system-property-mutation:high"
    }

    private ServerConfig() {
    }

    static void touch() {
    }

    public static String value() {
        return "server.xml";
    }
}
