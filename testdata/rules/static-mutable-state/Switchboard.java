package fixtures.state;

// Written only from another file (Router), which holds no "static": the
// declaration is read for that file's write.
public class Switchboard {
    static Object route; // want "static-mutable-state"
    static Object unused;
}
