package fixtures.state.selfreg.peer;

import fixtures.state.selfreg.hub.Hub;

// Each peer joins the hub for itself and leaves it when it shuts down.
public class Peer {
    public void start() {
        Hub.join(this, "db");
        Hub.list(this);
        Hub.share(this);
    }

    public void shutdown() {
        Hub.leave(this);
        Hub.removeListing(this);
        Hub.unregisterShared(this);
    }

    public void admitOther(Peer other) {
        Hub.admit(other);
    }

    public void stopOther(Peer other) {
        Hub.unregisterGuest(other);
    }

    public void check() {
        Hub.databasesOf(this);
    }
}
