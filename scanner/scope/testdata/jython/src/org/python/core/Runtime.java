package org.python.core;

import jline.console.UserInterruptException;

// The runtime catches a user's interrupt from whatever console runs it: a
// class that names only JLine's exceptions is not itself a console.
public class Runtime {
    static void run(Runnable r) {
        try {
            r.run();
        } catch (UserInterruptException e) {
            System.exit(1);
        }
    }
}
