package fixtures.state;

import java.util.HashMap;
import java.util.Map;

// A C++ enum as SWIG writes it for Java: a class whose private
// constructors number the constants from a static counter, and whose only
// instances are the constants its static fields hold. The counter moves
// while the class initialises, once, as an enum's constructor would move
// it: every app sees the same numbers.
public final class SwigOp {
    public static final SwigOp AND = new SwigOp("AND");
    public static final SwigOp OR = new SwigOp("OR");
    public static final SwigOp MAX = new SwigOp("MAX", 16);
    public static final SwigOp ALIAS = new SwigOp("ALIAS", AND);

    private static SwigOp[] values = { AND, OR, MAX, ALIAS };
    private static int next = 0;
    private static final Map<String, SwigOp> BY_NAME = new HashMap<>();
    private final int value;
    private final String name;

    private SwigOp(String name) {
        this.name = name;
        this.value = next++;
        BY_NAME.put(name, this);
    }

    private SwigOp(String name, int value) {
        this.name = name;
        this.value = value;
        next = value + 1;
        BY_NAME.put(name, this);
    }

    private SwigOp(String name, SwigOp same) {
        this(name, same.value);
    }

    public static SwigOp valueOf(int value) {
        for (SwigOp op : values) {
            if (op.value == value) {
                return op;
            }
        }
        throw new IllegalArgumentException("no op " + value);
    }

    public static SwigOp named(String name) {
        return BY_NAME.get(name);
    }

    public String toString() {
        return name;
    }
}
