package fixtures.state;

class Router {
    void use(Object r) {
        Switchboard.route = r;
    }
}
