package fixtures;

import java.security.PrivilegedAction;

// The halves of a switch whose other half restores: a get-and-set action
// that returns the loader it replaced (its caller sets it back), and the
// closing half of an enter/exit pair that sets back what entering saved.
public class Halves {
    static final class State {
        final ClassLoader loader;

        State(ClassLoader loader) {
            this.loader = loader;
        }
    }

    private static final ThreadLocal<java.util.ArrayDeque<State>> STACK =
            ThreadLocal.withInitial(java.util.ArrayDeque::new);

    // JavaMail's GetAndSetContext: run() returns Object, the replaced loader.
    static final class GetAndSet implements PrivilegedAction<Object> {
        private final ClassLoader loader;

        GetAndSet(ClassLoader loader) {
            this.loader = loader;
        }

        public Object run() {
            final Thread current = Thread.currentThread();
            final ClassLoader ccl = current.getContextClassLoader();
            if (ccl != loader) {
                current.setContextClassLoader(loader); // want "tccl-not-restored" source:-
                return ccl;
            }
            return null;
        }
    }

    // The same shape returning something else: nobody can restore.
    static final class SetOnly implements PrivilegedAction<Object> {
        private final ClassLoader loader;

        SetOnly(ClassLoader loader) {
            this.loader = loader;
        }

        public Object run() {
            final Thread current = Thread.currentThread();
            final ClassLoader ccl = current.getContextClassLoader();
            current.setContextClassLoader(loader); // want "tccl-not-restored"
            // not: return ccl;
            return loader != ccl ? Boolean.TRUE : Boolean.FALSE;
        }
    }

    // sisc's Context: enter pushes the loader it replaces, exit sets it back.
    static final class Scoped {
        static void enter(Object app) {
            Thread t = Thread.currentThread();
            STACK.get().push(new State(t.getContextClassLoader()));
            t.setContextClassLoader(app.getClass().getClassLoader());
        }

        static void exit() {
            State s = STACK.get().pop();
            Thread.currentThread().setContextClassLoader(s.loader);
        }
    }

    // A closing half that installs a loader of its own restores nothing.
    static final class OwnClose {
        static void close() {
            Thread.currentThread().setContextClassLoader(OwnClose.class.getClassLoader()); // want "tccl-not-restored"
        }
    }
}
