package demo.image;

// Native-image tests computed once into a static final flag, as libraries
// that cannot link GraalVM's API at compile time write them.
public final class Flags {
    // Set from the property alone.
    private static final boolean IMAGE_CODE = System.getProperty("org.graalvm.nativeimage.imagecode") != null;

    // ImageInfo looked up by name, or the property.
    private static final boolean IMAGE;

    // Not only an image: the other operand is another platform's test.
    private static final boolean IMAGE_OR_WINDOWS;

    // Written again at run time.
    private static boolean imageLater = System.getProperty("org.graalvm.nativeimage.imagecode") != null;

    static {
        boolean result = false;
        try {
            Class<?> info = Class.forName("org.graalvm.nativeimage.ImageInfo"); // want "class-forname-caller-loader" source:-
            result = ((Boolean) info.getMethod("inImageCode").invoke(null)).booleanValue();
        } catch (ReflectiveOperationException | RuntimeException e) {
            // not in an image
        }
        IMAGE = result || System.getProperty("org.graalvm.nativeimage.imagecode") != null;
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        IMAGE_OR_WINDOWS = windows || System.getProperty("org.graalvm.nativeimage.imagecode") != null;
    }

    private Flags() {
    }

    public static boolean inImageCode() {
        return IMAGE_CODE;
    }

    public static boolean isImage() {
        return IMAGE;
    }

    public static boolean imageOrWindows() {
        return IMAGE_OR_WINDOWS;
    }

    public static boolean imageLater() {
        return imageLater;
    }

    public static void reset() {
        imageLater = false;
    }
}
