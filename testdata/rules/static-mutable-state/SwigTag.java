package fixtures.state;

// The same numbering in a class a factory also creates at run time: each
// call moves the counter to what the caller chose, so the next tag's
// number depends on what every app asked for.
public final class SwigTag {
    public static final SwigTag FIRST = new SwigTag("first", 0);

    private static int next = 0; // want "static-mutable-state" bytecode:-
    private final int value;
    private final String name;

    private SwigTag(String name, int value) {
        this.name = name;
        this.value = value;
        next = value + 1;
    }

    public static SwigTag of(String name, int value) {
        return new SwigTag(name, value);
    }

    public int next() {
        return next;
    }

    public String toString() {
        return name + "=" + value;
    }
}
