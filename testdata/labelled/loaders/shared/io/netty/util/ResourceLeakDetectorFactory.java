// netty 4.1.48, common/src/main/java/io/netty/util/ResourceLeakDetectorFactory.java (Apache-2.0).
// Hazard behind a helper: the detector class is named by the system property
// io.netty.customResourceLeakDetector and loaded through the system loader,
// which sees neither a module's classes nor a fat-jar base's.
package io.netty.util;

import io.netty.util.internal.PlatformDependent;
import java.lang.reflect.Constructor;

public abstract class ResourceLeakDetectorFactory {
    private static final class DefaultResourceLeakDetectorFactory {
        private static Constructor<?> customClassConstructor(String customLeakDetector) {
            try {
                final Class<?> detectorClass = Class.forName(customLeakDetector, true, // want "class-forname-caller-loader"
                        PlatformDependent.getSystemClassLoader());

                if (ResourceLeakDetector.class.isAssignableFrom(detectorClass)) {
                    return detectorClass.getConstructor(Class.class, int.class);
                }
            } catch (Throwable t) {
                return null;
            }
            return null;
        }
    }
}
