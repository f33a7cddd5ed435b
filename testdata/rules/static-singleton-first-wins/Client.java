package fixtures.singleton;

import java.io.InputStream;
import java.util.Properties;

public class Client {
    private static Client instance; // want "static-singleton-first-wins:low" bytecode:0
    private static volatile Settings settings; // want "static-singleton-first-wins" bytecode:0
    private final String endpoint;

    private Client() {
        this.endpoint = System.getenv("CLIENT_ENDPOINT");
    }

    public static synchronized Client getInstance() {
        if (instance == null) {
            instance = new Client();
        }
        return instance;
    }

    static Settings settings() throws Exception {
        if (settings == null) {
            synchronized (Client.class) {
                if (settings == null) {
                    settings = loadSettings();
                }
            }
        }
        return settings;
    }

    private static Settings loadSettings() throws Exception {
        Properties p = new Properties();
        try (InputStream in = Client.class.getResourceAsStream("/client.properties")) {
            p.load(in);
        }
        return new Settings(p);
    }

    static class Settings {
        Settings(Properties p) {
        }
    }

    private static class ConfigHolder { // the holder idiom, configured by the environment
        static final Config INSTANCE = new Config(); // want "static-singleton-first-wins" bytecode:-
    }

    static class Config {
        final String region = System.getenv("REGION");
    }
}
