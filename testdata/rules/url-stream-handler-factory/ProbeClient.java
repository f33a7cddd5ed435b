package fixtures.url.tool;

import java.net.URL;
import java.net.URLStreamHandlerFactory;

// A command-line client: only its own main creates it, so the factory it
// installs is its own process's, like a launcher's JVM defaults.
public class ProbeClient {
    public ProbeClient(URLStreamHandlerFactory f) {
        URL.setURLStreamHandlerFactory(f); // want "url-stream-handler-factory" source:-
    }

    public static void main(String[] args) {
        new ProbeClient(null);
    }

    // What an app may call is still the one slot of the JVM.
    public static void install(URLStreamHandlerFactory f) {
        URL.setURLStreamHandlerFactory(f); // want "url-stream-handler-factory"
    }
}
