package org.graalvm.nativeimage;

public final class ImageInfo {
    public static boolean inImageCode() { return false; }

    public static boolean inImageRuntimeCode() { return false; }

    public static boolean inImageBuildtimeCode() { return false; }
}
