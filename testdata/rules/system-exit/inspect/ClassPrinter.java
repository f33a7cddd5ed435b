package fixtures.exit.inspect;

// The look-alike: the tool names this class, and so does library code
// (fixtures.exit.report.Report), so its uncalled public method is an API
// any app may call.
public class ClassPrinter {
    public static String print(String s) {
        return s;
    }

    public void abort(int code) {
        System.exit(code); // want "system-exit"
    }
}
