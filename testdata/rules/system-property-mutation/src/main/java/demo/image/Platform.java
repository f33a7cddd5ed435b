package demo.image;

import org.graalvm.nativeimage.ImageInfo;

// The project's own tests of where it runs.
public final class Platform {
    private Platform() {
    }

    public static boolean isNativeImage() {
        return ImageInfo.inImageCode();
    }

    public static boolean isWindows() {
        return System.getProperty("os.name", "").startsWith("Windows");
    }

    public static boolean nativeOrForced() {
        return ImageInfo.inImageCode() || Boolean.getBoolean("image.forced");
    }
}
