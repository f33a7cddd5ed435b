package fixtures.stdout.remote.server;

public interface RemoteEngine {
    void serve() throws Exception;
}
