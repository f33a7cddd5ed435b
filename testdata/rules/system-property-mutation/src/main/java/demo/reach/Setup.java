package demo.reach;

// Only the launcher's main reaches it, through two calls: the property
// is the command line's own process's.
public class Setup {
    public void configure(String[] args) {
        applyDefaults(args.length > 0 ? args[0] : "plain");
    }

    void applyDefaults(String mode) {
        System.setProperty("reach.mode", mode);
    }
}
