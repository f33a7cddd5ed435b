package demo.out;

// Output under a condition that is always false never runs: the literal,
// a local whose single value is false, a static final boolean false.
// A switch that can change is not dead.
public class DeadBranches {
    private static final boolean LOCK_GRAPH = false;
    private static final boolean SHOW = true;
    static boolean shown = false;

    void literal() {
        if (false) {
            System.out.println("never");
        }
    }

    void localSwitch(Object current) {
        boolean monitorCode = false;

        if (monitorCode) {
            System.out.println("tx graph " + current); // want "stdout-usage" source:-
        }
    }

    void constantField() {
        if (LOCK_GRAPH) {
            System.out.println("locks");
        }
        if ((LOCK_GRAPH)) System.err.println("locks again");
    }

    void setInBranch(boolean flag) {
        boolean printed = false;
        if (flag) {
            printed = true;
        }
        if (printed) {
            System.out.println("printed"); // want "stdout-usage"
        }
    }

    void trueConstant() {
        if (SHOW) {
            System.out.println("on"); // want "stdout-usage"
        }
    }

    void mutableField() {
        if (shown) {
            System.out.println("a field anyone may set"); // want "stdout-usage"
        }
    }

    void assignedLater() {
        boolean later;
        later = false;
        if (later) {
            System.out.println("assigned, not declared with its value"); // want "stdout-usage"
        }
    }

    void negated() {
        if (!false) {
            System.out.println("always"); // want "stdout-usage"
        }
    }

    void parameterShadows(boolean LOCK_GRAPH) {
        if (LOCK_GRAPH) {
            System.out.println("the parameter, not the constant"); // want "stdout-usage"
        }
    }

    void declaredAfter() {
        if (check()) {
            System.out.println("a call"); // want "stdout-usage"
        }
    }

    boolean check() {
        return false;
    }
}
