package demo.image;

// Branches taken only inside a GraalVM native image (a closed-world
// executable that is one application's process) set what that process
// needs; the others run in any JVM, the shared one too.
public class Startup {
    private boolean debug;

    public void configure(String home) {
        if (System.getProperty("org.graalvm.nativeimage.imagecode") != null) {
            System.setProperty("image.home", home);
        }
        if ("runtime".equals(System.getProperty("org.graalvm.nativeimage.imagecode"))) {
            System.setProperty("image.mode", "runtime");
        }
        if (inNativeImage()) {
            System.setProperty("image.own", home);
        }
        if (Platform.isNativeImage() && home != null) {
            System.setProperty("image.helper", home);
        }
        if (!Platform.isNativeImage()) {
            System.setProperty("jvm.home", home); // want "system-property-mutation"
        }
        if (Platform.isWindows()) {
            System.setProperty("win.home", home); // want "system-property-mutation"
        }
        if (Platform.nativeOrForced()) {
            System.setProperty("forced.home", home); // want "system-property-mutation"
        }
        if (inNativeImage() || debug) {
            System.setProperty("debug.home", home); // want "system-property-mutation"
        }
        if (System.getProperty("org.graalvm.nativeimage.kind") != null) {
            System.setProperty("kind.home", home); // want "system-property-mutation"
        }
    }

    private static boolean inNativeImage() {
        return System.getProperty("org.graalvm.nativeimage.imagecode") != null;
    }
}
