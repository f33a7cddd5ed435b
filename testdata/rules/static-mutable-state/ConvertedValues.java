package fixtures.state;

import java.io.ByteArrayOutputStream;

// A value widened, negated, measured or indexed on its way into a static
// reads what its operand reads, in a class file as in the source: a local
// the method worked out names no parameter (the library's own number), a
// parameter widened or an element of the caller's array is the caller's.
public final class ConvertedValues {
    private static volatile long stackSize = 1L;
    private static int lastSize = 32;
    private static int offset = 1;
    private static long widened = 1L; // want "static-mutable-state"
    private static String first = ""; // want "static-mutable-state"
    private static int length = 1; // want "static-mutable-state"

    // The size checked into a local first (an int widened to the long).
    public static long stackSize(Object[] args) {
        int proposed = ((Integer) args[0]).intValue();
        if (proposed != 0 && proposed < 32768) {
            throw new IllegalArgumentException("size not valid: " + proposed);
        }
        stackSize = proposed;
        return stackSize;
    }

    // The length of a buffer the method made: a sizing hint of its own.
    public static byte[] serialize(Object o) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(lastSize);
        out.write(o.hashCode());
        lastSize = out.toByteArray().length;
        return out.toByteArray();
    }

    // A local negated.
    public static void shift(int n) {
        int m = n + 1;
        offset = -m;
    }

    // The caller's number, widened.
    public static void widen(int n) {
        widened = n;
    }

    // The caller's array's element.
    public static void pickFirst(String[] names) {
        first = names[0];
    }

    // The length of the caller's array.
    public static void measure(String[] names) {
        length = names.length;
    }
}
