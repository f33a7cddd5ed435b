package fixtures.state.arraymemo;

// Arrays a method fills slot by slot, each slot with what its index
// computes: the same whichever app asks first.
public final class ArrayMemos {
    static final int MAX = 1000;

    static Interval[] cache = new Interval[MAX + 1];
    static Integer[] ints = new Integer[MAX + 1];
    private static Right[] rights = new Right[128];

    // The slot takes another input, or a setting a caller chose: the first
    // caller's.
    static Interval[] ranges = new Interval[MAX + 1]; // want "static-mutable-state" bytecode:-
    static Interval[] scaled = new Interval[MAX + 1]; // want "static-mutable-state" bytecode:-
    static Object[] handed = new Object[16]; // want "static-mutable-state" bytecode:-
    private static String unit = "s"; // want "static-mutable-state"

    public static Interval create(int a, int b) {
        if (a != b || a < 0 || a > MAX) {
            return new Interval(a, b);
        }
        if (cache[a] == null) {
            cache[a] = new Interval(a, a);
        }
        return cache[a];
    }

    public static Integer integer(int x) {
        if (x < 0 || x > MAX) {
            return x;
        }
        if (ints[x] == null) {
            ints[x] = x;
        }
        return ints[x];
    }

    public static synchronized Right right(char c) {
        if (rights[(int) c] == null) {
            rights[(int) c] = new Right(c);
        }
        return rights[(int) c];
    }

    public static Interval range(int a, int b) {
        if (ranges[a] == null) {
            ranges[a] = new Interval(a, b);
        }
        return ranges[a];
    }

    public static void setUnit(String u) {
        unit = u;
    }

    public static Interval scaled(int a) {
        if (scaled[a] == null) {
            scaled[a] = new Interval(a, unit.length());
        }
        return scaled[a];
    }

    public static void remember(int slot, Object value) {
        handed[slot] = value;
    }

    static final class Interval {
        final int a, b;

        Interval(int a, int b) {
            this.a = a;
            this.b = b;
        }
    }

    static final class Right {
        final char c;

        Right(char c) {
            this.c = c;
        }
    }
}
