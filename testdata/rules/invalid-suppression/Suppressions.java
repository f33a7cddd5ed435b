package fixtures.suppress;

public class Suppressions {
    void ownLine() {
        // kscan:ignore system-exit -- command-line entry point, never runs in the shared JVM
        System.exit(1); // want "system-exit:suppressed"
    }

    void sameLine() {
        System.exit(2); /* kscan:ignore system-exit -- checked by the launcher */ // want "system-exit:suppressed"
    }

    void severalRules() {
        // kscan:ignore shutdown-hook, system-exit -- both owned by the launcher
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.exit(3))); // want "shutdown-hook:suppressed" "system-exit:suppressed"
    }

    @SuppressWarnings("kscan:system-exit")
    void annotatedMethod() {
        System.exit(4); // want "system-exit:suppressed"
    }

    @SuppressWarnings({"unchecked", "kscan:system-exit"})
    void annotatedArray() {
        System.exit(5); // want "system-exit:suppressed"
    }

    void otherRuleNamed() {
        // kscan:ignore shutdown-hook -- does not cover System.exit
        System.exit(6); // want "system-exit"
    }

    void twoLinesAbove() {
        // kscan:ignore system-exit -- only covers the next line

        System.exit(7); // want "system-exit"
    }

    void noRule() {
        // kscan:ignore // want "invalid-suppression"
        System.exit(8); // want "system-exit"
    }

    void unknownRule() {
        // kscan:ignore sytem-exit -- typo // want "invalid-suppression"
        System.exit(9); // want "system-exit"
    }

    @SuppressWarnings("unchecked")
    void otherWarnings() {
        System.exit(10); // want "system-exit"
    }

    String text = "kscan:ignore is only a comment when it is in a comment";
}

@SuppressWarnings("kscan:system-exit")
class AnnotatedClass {
    void f() {
        System.exit(11); // want "system-exit:suppressed"
    }
}
