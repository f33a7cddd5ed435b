package image;

// Ends the process only inside a native image, where the process is the
// application's own; in any JVM otherwise.
public class Shutdown {
    public void stop(int code) {
        if (Native.isImage()) {
            System.exit(code);
        }
    }

    public void halt(int code) {
        if (!Native.isImage()) {
            Runtime.getRuntime().halt(code); // want "system-exit"
        }
    }
}
