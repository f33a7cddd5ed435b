package demo.console;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

// The console: the launcher opens it, and so may an application in its
// own JVM through attach, which nothing in the project calls.
public class Console {
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    public void attach() {
        open();
    }

    public void open() {
        capture();
    }

    private void capture() {
        System.setOut(new PrintStream(buffer)); // want "jvm-global-default-mutation"
    }
}
