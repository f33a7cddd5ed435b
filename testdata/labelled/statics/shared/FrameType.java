// jetty9 9.4.57, jetty-http2/http2-common/src/main/java/org/eclipse/jetty/http2/frames/FrameType.java
// (Apache License 2.0 / EPL 1.0), trimmed. Safe look-alike: the enum's constructor registers each
// constant in a static map of a nested class; enum constants are built once, while the class
// initialises, so the map is filled before any app runs and never changes after.
package org.eclipse.jetty.http2.frames;

import java.util.HashMap;
import java.util.Map;

public enum FrameType
{
    DATA(0),
    HEADERS(1),
    PRIORITY(2);

    public static FrameType from(int type)
    {
        return Types.types.get(type);
    }

    private final int type;

    FrameType(int type)
    {
        this.type = type;
        Types.types.put(type, this);
    }

    private static class Types
    {
        private static final Map<Integer, FrameType> types = new HashMap<>();
    }
}
