package fixtures.tl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

// A per-thread frame array of JDK type: the array pins no ClassLoader, its
// slots can. Where the owner nulls the slots as the calls return, nothing
// app-typed stays on the pooled thread; where it never does, the last
// call's objects stay.
public class Frames {
    private static final ThreadLocal<Object[]> FRAMES = ThreadLocal.withInitial(() -> new Object[32]);
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    static void enter(Object frame) {
        int[] depth = DEPTH.get();
        FRAMES.get()[depth[0]++] = frame;
    }

    static void exit() {
        int[] depth = DEPTH.get();
        Object[] frames = FRAMES.get();
        frames[--depth[0]] = null;
        if (depth[0] == 0) {
            Arrays.fill(frames, null);
        }
    }
}

// The same, cleared with Arrays.fill only once the depth is back at zero.
class FilledFrames {
    private static final ThreadLocal<Object[]> SLOTS = new ThreadLocal<Object[]>() {
        @Override
        protected Object[] initialValue() {
            return new Object[8];
        }
    };
    private static int depth;

    static void push(Object o) {
        SLOTS.get()[depth++] = o;
    }

    static void pop() {
        if (--depth == 0) {
            Arrays.fill(SLOTS.get(), null);
        }
    }
}

// Slots written and never cleared: the last call's objects stay.
class KeptFrames {
    private static final ThreadLocal<Object[]> KEPT = ThreadLocal.withInitial(() -> new Object[4]); // want "threadlocal-leak" bytecode:-

    static void record(Object o) {
        KEPT.get()[0] = o;
    }
}

// A list of app objects cleared where it is filled, once the outermost
// call returns.
class Pending {
    private static final ThreadLocal<List<Object>> PENDING = ThreadLocal.withInitial(ArrayList::new);
    private static final ThreadLocal<List<Object>> LOST = ThreadLocal.withInitial(ArrayList::new); // want "threadlocal-leak" bytecode:-

    static void run(Object task, Runnable body) {
        List<Object> pending = PENDING.get();
        pending.add(task);
        try {
            body.run();
        } finally {
            if (pending.size() == 1) {
                pending.clear();
            } else {
                pending.remove(pending.size() - 1);
            }
        }
    }

    static void add(Object task) {
        LOST.get().add(task);
    }

    // Cleared only when someone remembers to call it: not on the path that
    // fills the list.
    static void reset() {
        LOST.get().clear();
    }
}

// Tasks queued while one runs, drained by the outermost call before it
// returns: the queue is empty between tasks.
class Delayed {
    private static final ThreadLocal<java.util.Queue<Runnable>> DELAYED = ThreadLocal.withInitial(java.util.ArrayDeque::new);
    private static final ThreadLocal<Boolean> RUNNING = ThreadLocal.withInitial(() -> false);

    static void execute(Runnable command) {
        if (!RUNNING.get()) {
            RUNNING.set(true);
            try {
                command.run();
            } finally {
                java.util.Queue<Runnable> delayed = DELAYED.get();
                Runnable r;
                while ((r = delayed.poll()) != null) {
                    r.run();
                }
                RUNNING.set(false);
            }
        } else {
            DELAYED.get().add(command);
        }
    }
}
