package fixtures.state.training;

import java.util.HashMap;
import java.util.Map;

// A cache trained on the first calls, tuned through setters whose
// parameters carry the fields' own names (and documented with them): the
// parameter is no read of the field. The threshold's branch builds the
// cache and resets the count, its else counts and records statistics; the
// size clamps the array the cache is made with; the switch decides whether
// the cache is used. Every value gives every app the same answers.
public class CacheTraining {
    // Class files have no text to read the uses from.
    protected static boolean enabled = Boolean.getBoolean("x.enabled"); // want "static-mutable-state" source:-
    protected static int trainThreshold = Integer.getInteger("x.train", 20000); // want "static-mutable-state" source:-
    protected static int cacheSize = Integer.getInteger("x.size", 200); // want "static-mutable-state" source:-
    protected static final Map<Entry, int[]> STATS = new HashMap<>(cacheSize);
    protected static int count = 0;
    protected static volatile Entry[] cache = null;

    /**
     * @param enabled the enabled to set
     */
    public void setEnabled(boolean enabled) {
        CacheTraining.enabled = enabled;
    }

    /**
     * @param trainThreshold the trainThreshold to set
     */
    public void setTrainThreshold(int trainThreshold) {
        CacheTraining.trainThreshold = trainThreshold;
    }

    /**
     * @param cacheSize the cacheSize to set
     */
    public void setCacheSize(int cacheSize) {
        CacheTraining.cacheSize = cacheSize;
    }

    public int getCacheSize() {
        return cacheSize;
    }

    public static String intern(String value) {
        if (cache == null) {
            if (enabled) {
                synchronized (STATS) {
                    if (count > trainThreshold) {
                        int size = STATS.size();
                        if (size > cacheSize) {
                            size = cacheSize;
                        }
                        Entry[] fresh = new Entry[size];
                        int n = 0;
                        for (Entry e : STATS.keySet()) {
                            if (n < size) {
                                fresh[n++] = e;
                            }
                        }
                        count = 0;
                        STATS.clear();
                        cache = fresh;
                    } else {
                        count++;
                        Entry entry = new Entry();
                        entry.value = value;
                        int[] seen = STATS.get(entry);
                        if (seen == null) {
                            seen = new int[1];
                            STATS.put(entry, seen);
                        }
                        seen[0] = seen[0] + 1;
                    }
                }
            }
            return value;
        }
        for (Entry e : cache) {
            if (e != null && e.value.equals(value)) {
                return e.value;
            }
        }
        return value;
    }

    static final class Entry {
        String value;

        @Override
        public int hashCode() {
            return value.hashCode();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Entry && ((Entry) o).value.equals(value);
        }
    }
}

// The same training threshold over a cache of objects the library builds
// (no plain values): read only by the threshold, its branch building the
// cache and resetting the count, its else counting.
class ObjectTraining {
    private static int trainAfter = 100; // want "static-mutable-state" source:-
    private static int calls;
    private static final Map<String, Object> SEEN = new HashMap<>();
    private static Map<String, Object> built;

    public static void setTrainAfter(int trainAfter) {
        ObjectTraining.trainAfter = trainAfter;
    }

    static synchronized void note(String k) {
        if (calls > trainAfter) {
            calls = 0;
            Map<String, Object> m = new HashMap<>(SEEN);
            built = m;
        } else {
            calls++;
            SEEN.put(k, new Object());
        }
    }

    static Object find(String k) {
        Map<String, Object> b = built;
        return b == null ? null : b.get(k);
    }
}

// Look-alikes: the else decides what the method returns, the branch turns
// a switch, and a read under the parameter's name in another method is the
// field's (the parameter shadows it only in its setter).
class TrainingLookAlikes {
    private static int trainAfter = 100; // want "static-mutable-state"
    private static int warmUp = 10; // want "static-mutable-state"
    private static int maxItems = 50; // want "static-mutable-state"
    private static int calls;
    private static boolean warm;
    private static final Map<String, Object> SEEN = new HashMap<>();
    private static Map<String, Object> built;

    public static void setTrainAfter(int trainAfter) {
        TrainingLookAlikes.trainAfter = trainAfter;
    }

    public static void setWarmUp(int warmUp) {
        TrainingLookAlikes.warmUp = warmUp;
    }

    public static void setMaxItems(int maxItems) {
        TrainingLookAlikes.maxItems = maxItems;
    }

    static synchronized String note(String k) {
        String how;
        if (calls > trainAfter) {
            calls = 0;
            built = new HashMap<>(SEEN);
            how = "built";
        } else {
            calls++;
            SEEN.put(k, new Object());
            how = "counted";
        }
        return how;
    }

    static synchronized void touch(String k) {
        if (calls > warmUp) {
            calls = 0;
            warm = true;
            built = new HashMap<>(SEEN);
        }
    }

    static boolean isWarm() {
        return warm;
    }

    static int items(int n) {
        return Math.min(n, maxItems);
    }
}
