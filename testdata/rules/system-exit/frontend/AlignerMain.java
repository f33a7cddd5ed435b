package frontend;

// A launcher: its command line goes to the processor through the
// interface, a call no search by name resolves.
public class AlignerMain {
    public static void main(String[] args) {
        UserArgumentProcessor processor = new AlignerProcessor();
        Launch.configure(args);
        Setup.configure(args);
        processor.process(args);
    }
}

// A front end only the launcher calls: what it does is the program's.
final class Launch {
    private Launch() {
    }

    public static void configure(String[] args) {
        for (String a : args) {
            if (a.equals("-quit")) {
                System.exit(0);
            }
        }
    }
}
