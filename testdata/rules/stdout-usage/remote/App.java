package fixtures.stdout.remote.app;

import fixtures.stdout.remote.server.RemoteEngineImpl;
import fixtures.stdout.remote.server.RemoteStatus;

// The application's main class: option -s starts the server mode.
public class App {
    public static void start(String[] args) throws Exception {
        for (String a : args) {
            if (a.equals("-s")) {
                RemoteEngineImpl engine = new RemoteEngineImpl(1099);
                engine.serve();
                new RemoteStatus("up");
            }
        }
    }
}
