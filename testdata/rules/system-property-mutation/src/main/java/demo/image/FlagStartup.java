package demo.image;

// Settings made only where a static final flag says the process is a
// native image, in a method and in a static initialiser block.
public class FlagStartup {
    static {
        if (Flags.isImage()) {
            System.setProperty("image.boot", "true");
        }
        if (Flags.imageOrWindows()) {
            System.setProperty("either.boot", "true"); // want "system-property-mutation"
        }
        System.setProperty("any.boot", "true"); // want "system-property-mutation"
    }

    public void configure(String home) {
        if (Flags.inImageCode()) {
            System.setProperty("image.code.home", home);
        }
        if (Flags.isImage()) {
            System.setProperty("image.flag.home", home);
        }
        if (Flags.imageOrWindows()) {
            System.setProperty("either.home", home); // want "system-property-mutation"
        }
        if (Flags.imageLater()) {
            System.setProperty("later.home", home); // want "system-property-mutation"
        }
    }
}
