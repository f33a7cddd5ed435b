package reach;

// The task the launcher runs; a build tool's plugin (Plugin.execute, which
// nothing in the project calls) runs it too, inside the build's JVM.
public class Task {
    public boolean run(String[] args) {
        return check(args.length); // want "system-exit" bytecode:-
    }

    boolean check(int n) {
        if (n > 100) {
            System.exit(3); // want "system-exit"
        }
        return n > 0;
    }
}
