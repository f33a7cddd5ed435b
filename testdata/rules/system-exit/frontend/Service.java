package frontend;

// Library code that hands the front end a command line it built.
public class Service {
    public void start(boolean strict) {
        Setup.configure(strict ? new String[] {"-strict"} : new String[0]); // want "system-exit" bytecode:-
    }
}

// A front end the launcher calls, and a service too, with a command line
// of its own: the service reaches the exit in the shared JVM.
final class Setup {
    private Setup() {
    }

    public static void configure(String[] args) {
        for (String a : args) {
            if (a.equals("-strict") && args.length > 3) {
                System.exit(4); // want "system-exit"
            }
        }
    }
}
