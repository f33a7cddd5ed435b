package fixtures.stdout.remote.server;

// The server mode only the launcher's start reaches: its output is the
// command line's own.
public class RemoteEngineImpl implements RemoteEngine {
    private final int port;

    public RemoteEngineImpl(int port) {
        this.port = port;
        System.out.println("remote engine on port " + port);
    }

    @Override
    public void serve() {
        System.out.println("serving on " + port);
    }
}
