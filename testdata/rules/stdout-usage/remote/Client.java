package fixtures.stdout.remote.client;

import fixtures.stdout.remote.server.RemoteStatus;

public class Client {
    public Object connect() {
        return new RemoteStatus("client");
    }
}
