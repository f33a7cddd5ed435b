// spring 4.3.30, spring-websocket/src/main/java/org/springframework/web/socket/server/standard/WebLogicRequestUpgradeStrategy.java
// (Apache-2.0). Safe look-alike behind a helper: the private type(String)
// loads with the own loader, but the names come from constants of WebLogic's
// own server classes, and the class exists for WebLogic (its name says so):
// it ships beside WebLogic, whose classes its own loader sees. method()
// passes its parameter on; its callers' constants settle the lookup.
package org.springframework.web.socket.server.standard;

import java.lang.reflect.Method;

public class WebLogicRequestUpgradeStrategy {
    private static final Method GET_THREAD_LOCAL_CONTEXT_METHOD = getMethod();

    private static Method getMethod() {
        try {
            return method("weblogic.servlet.internal.ServletRequestImpl", "getContext");
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static Class<?> type(String className) throws ClassNotFoundException {
        return WebLogicRequestUpgradeStrategy.class.getClassLoader().loadClass(className);
    }

    private static Method method(String className, String method, Class<?>... paramTypes)
            throws ClassNotFoundException, NoSuchMethodException {
        return type(className).getDeclaredMethod(method, paramTypes);
    }
}
