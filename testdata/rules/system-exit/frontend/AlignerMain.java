package frontend;

// A launcher: its command line goes to the processor through the
// interface, a call no search by name resolves.
public class AlignerMain {
    public static void main(String[] args) {
        UserArgumentProcessor processor = new AlignerProcessor();
        processor.process(args);
    }
}
