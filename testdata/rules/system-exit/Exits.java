package fixtures.exit;

import static java.lang.System.exit;

import java.util.function.Consumer;

public class Exits {
    void failFast(boolean ok) {
        if (!ok) {
            System.exit(1); // want "system-exit:critical"
        }
    }

    void runtime() {
        Runtime.getRuntime().exit(2); // want "system-exit"
        Runtime.getRuntime().halt(3); // want "system-exit"
        Runtime rt = Runtime.getRuntime();
        rt.halt(4); // want "system-exit"
        exit(5); // want "system-exit"
    }


    // Safe look-alikes.

    void ownExit(Process p, my.Shell shell) throws Exception {
        p.destroy();
        shell.exit(0);
        p.exitValue();
    }

    void loopExit() {
        for (int i = 0; i < 3; i++) {
            if (i == 2) {
                break;
            }
        }
    }
}

// A command-line class: what only main reaches runs in a process of its
// own and is not reported; nor is the rest of it: a library never calls it.
class Cli {
    public static void main(String[] args) {
        if (args.length == 0) {
            usage();
        }
        System.exit(run(args)); // want "system-exit" source:-
    }

    private static void usage() {
        System.err.println("usage: cli FILE");
        System.exit(1);
    }

    static int run(String[] args) {
        return 0;
    }

    public static void fail(String why) {
        System.exit(3);
    }

    static Runnable onClose() {
        return new Runnable() {
            public void run() {
                System.exit(0); // want "system-exit" source:-
            }
        };
    }

    public static void die() {
        ServiceUtils.requestSystemExit(2);
    }
}

// The exit one call away: a requestSystemExit(code) helper, and a static
// functional field initialised with System::exit (ZooKeeper's
// ServiceUtils), reported at each call of the helper.
final class ServiceUtils {
    static final Consumer<Integer> SYSTEM_EXIT = System::exit;
    private static volatile Consumer<Integer> procedure = SYSTEM_EXIT;

    static void requestSystemExit(int code) {
        procedure.accept(code); // want "system-exit" bytecode:-
    }

    static void halt(int code) {
        System.exit(code); // want "system-exit"
    }
}

class Server {
    void onFatal(Throwable t) {
        ServiceUtils.requestSystemExit(14); // want "system-exit:critical" bytecode:-
    }

    void onError() {
        ServiceUtils.halt(2); // want "system-exit" bytecode:-
    }

    void unknownReceiver(my.Shell shell) {
        shell.requestSystemExit(1);
    }

    void hookOnly() {
        Consumer<Integer> f = ServiceUtils.SYSTEM_EXIT;
    }
}
