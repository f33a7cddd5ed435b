package fixtures.stdout.remote.server;

// The look-alike: the server mode creates it, and so does a library client
// apps use (fixtures.stdout.remote.client.Client).
public class RemoteStatus {
    public RemoteStatus(String state) {
        System.out.println(state); // want "stdout-usage"
    }
}
