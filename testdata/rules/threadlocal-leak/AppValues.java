package fixtures.tl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

// Self-filling ThreadLocals whose values hold what callers hand in (an
// Object, a Runnable) keep the caller's objects per thread.
public class AppValues {
    private static final ThreadLocal<List<Object>> HELD = ThreadLocal.withInitial(ArrayList::new); // want "threadlocal-leak" bytecode:-
    private static final ThreadLocal<Deque<Runnable>> TASKS = ThreadLocal.withInitial(ArrayDeque::new); // want "threadlocal-leak" bytecode:-

    static void hold(Object o, Runnable r) {
        HELD.get().add(o);
        TASKS.get().add(r);
    }
}
