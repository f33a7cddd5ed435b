package fixtures.forname.cmdline;

// The same check whose public report hands the lookup its caller's name:
// an app may call it with a name of its own, whatever the command line
// does, so the lookup stays.
public final class NameCheck {
    private NameCheck() { }

    public static void main(String[] args) throws Exception {
        for (String a : args) {
            found(a);
        }
    }

    public static boolean report(String name) throws Exception {
        return found(name); // want "class-forname-caller-loader" bytecode:-
    }

    private static boolean found(String cn) throws Exception {
        return Class.forName(cn) != null; // want "class-forname-caller-loader"
    }
}
