package fixtures.state.bounds;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

// Bounds of caches that other structures hold: every read of the static
// is a comparison whose branch evicts, the bound an LRU map's eviction hook
// returns, or a capacity. Any value gives every app the same answers.
public class KnobBounds {
    private static volatile int sizeLimit = Integer.getInteger("x.limit", 1000); // want "static-mutable-state" source:-
    private static int maxEntries = 100; // want "static-mutable-state" source:-
    private static int capacity = 64; // want "static-mutable-state" source:-
    private final Deque<byte[]> recent = new ArrayDeque<>();
    private long size;

    private final Map<String, Object> lru = new LinkedHashMap<String, Object>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object> e) {
            return size() > maxEntries;
        }
    };
    private final NameCache names = new NameCache(capacity);

    public static void setSizeLimit(int limit) {
        sizeLimit = limit;
    }

    public static int getSizeLimit() {
        return sizeLimit;
    }

    public static void setMaxEntries(int n) {
        maxEntries = n;
    }

    public static void setCapacity(int c) {
        capacity = c;
    }

    void keep(byte[] p) {
        recent.add(p);
        size += p.length;
        for (int i = 0; size > sizeLimit * 0.8 && i < 5; i++) {
            size -= recent.poll().length;
        }
        while (size > sizeLimit) {
            size -= recent.poll().length;
        }
    }

    Object lookup(String k) {
        return lru.get(k) != null ? lru.get(k) : names.get(k);
    }
}

// The bound of a static memo of the library's own compiled values, set
// through an MBean attribute: kept within it by clearing.
class CompiledCache implements CompiledCacheMBean {
    static int cacheSize = 500; // want "static-mutable-state" source:-
    private static final Map<String, Compiled> CACHE = new HashMap<>();

    @Override
    public void setCacheSize(int n) {
        cacheSize = n;
    }

    @Override
    public int getCacheSize() {
        return cacheSize;
    }

    static synchronized Compiled compile(String expr) {
        Compiled c = CACHE.get(expr);
        if (c == null) {
            c = new Compiled(expr);
            if (CACHE.size() >= cacheSize) {
                CACHE.clear();
            }
            CACHE.put(expr, c);
        }
        return c;
    }
}

interface CompiledCacheMBean {
    void setCacheSize(int n);

    int getCacheSize();
}

class Compiled {
    Compiled(String s) {
    }
}

class NameCache {
    NameCache(int max) {
    }

    String get(String k) {
        return k;
    }
}

// Look-alikes: the static decides what callers get (a limit that refuses
// work, a scale applied to results, a bound that throws), so one app's
// setting changes the others' answers.
class Limits {
    private static int limit = 10; // want "static-mutable-state"
    // public: clients read it, for whatever they like
    public static int maxKept = 50; // want "static-mutable-state"
    private final Deque<String> kept = new ArrayDeque<>();
    private static int scale = 2; // want "static-mutable-state"
    private static int maxPending = 100; // want "static-mutable-state"
    private static int window = 5; // want "static-mutable-state"
    private final Deque<Runnable> pending = new ArrayDeque<>();
    private final Deque<String> seen = new ArrayDeque<>();

    public static void setLimit(int l) {
        limit = l;
    }

    public static void setScale(int s) {
        scale = s;
    }

    public static void setMaxPending(int m) {
        maxPending = m;
    }

    public static void setWindow(int w) {
        window = w;
    }

    public static void setMaxKept(int m) {
        maxKept = m;
    }

    void keep(String s) {
        kept.add(s);
        if (kept.size() > maxKept) {
            kept.poll();
        }
    }

    static boolean allowed(int count) {
        return count < limit;
    }

    static int apply(int v) {
        return v * scale;
    }

    synchronized void submit(Runnable task) {
        if (pending.size() >= maxPending) {
            throw new IllegalStateException("too many tasks");
        }
        pending.add(task);
    }

    // evicts, but the window is also what callers are told
    int observe(String s) {
        seen.add(s);
        while (seen.size() > window) {
            seen.poll();
        }
        return window;
    }
}

// The buffer size of the JDK's buffered streams: the same bytes go through
// whatever its size (ImageJ's FileSaver.setBufferSize). A size that also
// decides how much is read is no such knob.
class BufferSizes {
    private static int bsize = 32768; // want "static-mutable-state" source:-
    private static int chunk = 4096; // want "static-mutable-state"

    public static void setBufferSize(int bufferSize) {
        bsize = bufferSize;
        if (bsize < 2048) bsize = 2048;
    }

    public static void setChunk(int n) {
        chunk = n;
    }

    static java.io.OutputStream open(java.io.File f) throws java.io.IOException {
        return new java.io.BufferedOutputStream(new java.io.FileOutputStream(f), bsize);
    }

    static java.io.Reader reader(java.io.InputStream in) {
        return new java.io.BufferedReader(new java.io.InputStreamReader(in), bsize);
    }

    static byte[] head(java.io.InputStream in) throws java.io.IOException {
        byte[] b = new byte[chunk];
        int n = in.read(b);
        return java.util.Arrays.copyOf(b, Math.max(n, 0));
    }
}
