package fixtures.state.knobs;

// A cache of formatted numbers that grows when asked to: its size is read
// where the cache is made, and growing copies the cache over. Any size
// gives every app the same bytes.
public final class NumberBytes {
    private static int limit = 0; // want "static-mutable-state" source:-
    private static byte[][] cache = new byte[limit][];

    public static void grow(int n) {
        if (n <= limit) {
            return;
        }
        byte[][] bigger = new byte[n][];
        System.arraycopy(cache, 0, bigger, 0, limit);
        cache = bigger;
        limit = n;
    }

    public static void fill(int step) {
        for (int i = 1; i < limit; i += step) {
            if (cache[i] == null) {
                cache[i] = Integer.toString(i).getBytes();
            }
        }
    }

    static byte[] bytes(int v) {
        if (v < limit && cache[v] != null) {
            return cache[v];
        }
        byte[] b = Integer.toString(v).getBytes();
        if (v < limit) {
            cache[v] = b;
        }
        return b;
    }
}
