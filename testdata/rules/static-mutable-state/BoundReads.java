package fixtures.state.boundreads;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

// Sizes of caches that a JMX bean tunes: a clamp of the size a cache array
// or list is made with, and the count after which the cache is built. Any
// value gives every app the same answers, only cached sooner or later.
public class BoundReads implements BoundReadsMBean {
    protected static int cacheSize = Integer.parseInt(System.getProperty("x.cache", "200")); // want "static-mutable-state" source:-
    protected static int listSize = Integer.parseInt(System.getProperty("x.list", "64")); // want "static-mutable-state" source:-
    protected static int trainAfter = Integer.parseInt(System.getProperty("x.train", "200")); // want "static-mutable-state" source:-
    private static String[] names = new String[0]; // want "static-mutable-state" source:-
    private static List<String> recent = new ArrayList<>();
    private static Map<String, String> trained;
    private static int seen;

    public void setCacheSize(int n) {
        BoundReads.cacheSize = n;
    }

    public void setListSize(int n) {
        BoundReads.listSize = n;
    }

    public void setTrainAfter(int n) {
        BoundReads.trainAfter = n;
    }

    static synchronized void makeNames(int size) {
        if (size > cacheSize) {
            size = cacheSize;
        }
        names = new String[size];
    }

    static synchronized void remakeNames(int size) {
        if (size >= cacheSize) {
            size = cacheSize;
        }
        String[] fresh = new String[size];
        names = fresh;
    }

    static synchronized void makeRecent(int wanted) {
        int n = Math.min(wanted, listSize);
        recent = new ArrayList<>(n);
    }

    static synchronized void note(String word) {
        seen++;
        if (seen > trainAfter) {
            train();
        }
    }

    private static void train() {
        Map<String, String> m = new HashMap<>();
        m.put("a", "b");
        trained = m;
    }

    static String name(int i) {
        return names != null && i < names.length ? names[i] : trained.get(recent.get(i));
    }
}

interface BoundReadsMBean {
    void setCacheSize(int n);

    void setListSize(int n);

    void setTrainAfter(int n);
}

// Look-alikes: the clamped size is what callers get, the count past the
// threshold fails the call or turns a switch off.
class BoundLookAlikes implements BoundLookAlikesMBean {
    protected static int maxSize = Integer.parseInt(System.getProperty("x.max", "200")); // want "static-mutable-state"
    protected static int maxBatch = Integer.parseInt(System.getProperty("x.batch", "20")); // want "static-mutable-state"
    protected static int maxErrors = Integer.parseInt(System.getProperty("x.errors", "5")); // want "static-mutable-state"
    protected static int maxCalls = Integer.parseInt(System.getProperty("x.calls", "5")); // want "static-mutable-state"
    private static boolean enabled = true;
    private static int errors;
    private static int calls;

    public void setMaxSize(int n) {
        BoundLookAlikes.maxSize = n;
    }

    public void setMaxBatch(int n) {
        BoundLookAlikes.maxBatch = n;
    }

    public void setMaxErrors(int n) {
        BoundLookAlikes.maxErrors = n;
    }

    public void setMaxCalls(int n) {
        BoundLookAlikes.maxCalls = n;
    }

    static byte[] buffer(int size) {
        if (size > maxSize) {
            size = maxSize;
        }
        return new byte[size];
    }

    static int batch(int wanted) {
        return Math.min(wanted, maxBatch);
    }

    static void failed() {
        errors++;
        if (errors > maxErrors) {
            enabled = false;
        }
    }

    static void call() {
        calls++;
        if (calls > maxCalls) {
            throw new IllegalStateException("too many calls");
        }
    }

    static boolean on() {
        return enabled;
    }
}

interface BoundLookAlikesMBean {
    void setMaxSize(int n);

    void setMaxBatch(int n);

    void setMaxErrors(int n);

    void setMaxCalls(int n);
}
