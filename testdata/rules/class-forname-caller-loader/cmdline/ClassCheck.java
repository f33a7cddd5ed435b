package fixtures.forname.cmdline;

// A tool's class-path check. Its command line checks the class names it
// is given; a report the library's code may call checks fixed names of
// the library's own. In a shared JVM only the report runs, and it hands
// the lookup no name from outside: nothing is flagged.
public final class ClassCheck {
    private ClassCheck() { }

    public static void main(String[] args) throws Exception {
        for (String a : args) {
            found(a);
        }
    }

    public static boolean report() throws Exception {
        return found("fixtures.forname.cmdline.ClassCheck") && found("java.util.List");
    }

    private static boolean found(String cn) throws Exception {
        return Class.forName(cn) != null; // want "class-forname-caller-loader" source:-
    }
}
