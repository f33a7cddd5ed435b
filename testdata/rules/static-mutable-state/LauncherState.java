package fixtures.state;

// A command-line class's own settings, written by a helper only its main
// calls, belong to the process a command line started: no app shares it.
// The look-alike's writer is also called by library code, which an app
// may reach. Class files have no call graph: they report both.
public class LauncherState {
    private static int port = 8080; // want "static-mutable-state" source:-
    private static String host = "localhost"; // want "static-mutable-state"

    public static void main(String[] args) {
        init(args[0]);
        configure(args[1]);
        LauncherEndpoints.map(args[2], new Object());
    }

    static void init(String p) {
        port = Integer.parseInt(p);
    }

    static void configure(String h) {
        host = h;
    }

    static String address() {
        return host + ":" + port;
    }
}

// A table only another class's main fills: the command line's too.
class LauncherEndpoints {
    private static final java.util.Map<String, Object> ENDPOINTS = new java.util.HashMap<>(); // want "static-mutable-state" source:-

    static void map(String path, Object endpoint) {
        ENDPOINTS.put(path, endpoint);
    }

    static Object endpoint(String path) {
        return ENDPOINTS.get(path);
    }
}

class LauncherClient {
    public static String connect(String host) {
        LauncherState.configure(host);
        return LauncherState.address();
    }
}
