package fixtures.tl;

import java.lang.ref.SoftReference;

// A getter that makes the library's own value, caches it per thread
// behind a soft reference and returns the value itself keeps nothing of
// a caller; one that wraps what the caller hands in keeps the caller's.
public class Recyclers {
    static final class Recycler {
        Object[] buffers = new Object[4];
    }

    interface Tracker {
        SoftReference<Recycler> wrapAndTrack(Recycler r);
    }

    private static final ThreadLocal<SoftReference<Recycler>> RECYCLER = new ThreadLocal<>();
    private static final ThreadLocal<SoftReference<Recycler>> GIVEN = new ThreadLocal<>();
    private static Tracker tracker;

    static Recycler recycler() {
        SoftReference<Recycler> ref = RECYCLER.get();
        Recycler br = (ref == null) ? null : ref.get();
        if (br == null) {
            br = new Recycler();
            if (tracker != null) {
                ref = tracker.wrapAndTrack(br);
            } else {
                ref = new SoftReference<Recycler>(br);
            }
            RECYCLER.set(ref); // want "threadlocal-leak" source:-
        }
        return br;
    }

    static Recycler given(Recycler br) {
        SoftReference<Recycler> ref = new SoftReference<Recycler>(br);
        GIVEN.set(ref); // want "threadlocal-leak"
        return br;
    }
}
