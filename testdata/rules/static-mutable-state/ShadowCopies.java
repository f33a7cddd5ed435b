package fixtures.state.shadow;

// A copy of another static kept only to notice edits to it: as shared as
// the static it copies, which is judged where it is declared.
public final class ShadowCopies {

    static final class Engine {
        static void reconfigure(int v) {
        }
    }

    public static final class Options {
        public static int level = 1; // want "static-mutable-state"
        public static int limit = 10; // want "static-mutable-state"
    }

    private static int seenLevel = 1; // want "static-mutable-state" source:-
    private static long seenLimit;
    // also read to restore the other: a value of its own
    private static int savedLevel; // want "static-mutable-state" bytecode:0
    // handed out
    private static int shownLevel; // want "static-mutable-state" bytecode:0
    // stores an argument, not the other static
    private static int pickedLevel; // want "static-mutable-state" bytecode:0

    public static void setLevel(int v) {
        applyLevel(v);
        seenLevel = Options.level = v;
    }

    private static void applyLevel(int v) {
        Engine.reconfigure(v);
    }

    public static void check() {
        if (Options.level != seenLevel) {
            applyLevel(seenLevel = Options.level);
        }
        if (ShadowCopies.seenLimit != Options.limit) {
            seenLimit = Options.limit;
            applyLevel(Options.limit);
        }
    }

    public static void setLimit(int v) {
        Options.limit = v;
    }

    public static void pushLevel(int v) {
        savedLevel = Options.level = v;
    }

    public static void popLevel() {
        if (savedLevel != Options.level) {
            Options.level = savedLevel;
        }
    }

    public static void show(int v) {
        shownLevel = Options.level = v;
    }

    public static int lastShown() {
        return shownLevel;
    }

    public static void pick(int v) {
        pickedLevel = v;
    }

    public static void applyPicked() {
        if (pickedLevel != Options.level) {
            applyLevel(pickedLevel);
        }
    }
}
