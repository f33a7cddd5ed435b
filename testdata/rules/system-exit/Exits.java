package fixtures.exit;

import static java.lang.System.exit;

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

// A command-line class: exits in main and in its helpers are low.
class Cli {
    public static void main(String[] args) {
        if (args.length == 0) {
            usage();
        }
        System.exit(run(args)); // want "system-exit:low"
    }

    private static void usage() {
        System.err.println("usage: cli FILE");
        System.exit(1); // want "system-exit:low"
    }

    static int run(String[] args) {
        return 0;
    }
}
