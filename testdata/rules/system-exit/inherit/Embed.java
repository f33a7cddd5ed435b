package inherit;

// An application checking its arguments through the library.
public class Embed {
    public void start(String[] args) {
        Driver l = new Lint();
        l.check(args); // want "system-exit"
    }
}
