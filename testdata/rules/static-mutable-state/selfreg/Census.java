package fixtures.state.selfreg.hub;

// Reads the hub's shared set from outside its class.
final class Census {
    private Census() {
    }

    static int count() {
        return Hub.SHARED.size();
    }
}
