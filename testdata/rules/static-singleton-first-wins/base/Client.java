package fixtures.singleton.base;

public class Client {
    private static Client instance; // want "static-singleton-first-wins:low" bytecode:0
    private final String endpoint = System.getenv("CLIENT_ENDPOINT");

    public static Client getInstance() {
        if (null == instance) {
            instance = new Client();
        }
        return instance;
    }
}
