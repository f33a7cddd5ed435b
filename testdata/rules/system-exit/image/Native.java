package image;

// The project's test for a native image, in a file of its own.
public final class Native {
    private Native() {
    }

    public static boolean isImage() {
        return System.getProperty("org.graalvm.nativeimage.imagecode") != null;
    }
}
