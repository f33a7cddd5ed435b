package fixtures.forname.cmdline;

// A class with a command line that is also an API: main builds the
// classes named on the command line, and apps call add, whose overloads
// hand on to each other and which nothing in the project calls. The
// overload's call of itself is no caller: add is an API, so the lookup
// it reaches stays although main reaches it too.
public final class Assembler {
    public static void main(String[] args) throws Exception {
        for (String a : args) {
            create(a);
        }
    }

    public Object add(String name) throws Exception {
        return add(name, 1);
    }

    public Object add(String name, int count) throws Exception {
        return count > 0 ? create(name) : null; // want "class-forname-caller-loader" bytecode:-
    }

    private static Object create(String name) throws Exception {
        return Class.forName(name).getConstructor().newInstance(); // want "class-forname-caller-loader"
    }
}
