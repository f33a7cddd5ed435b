// spring 4.3.30, spring-websocket/src/main/java/org/springframework/web/socket/server/support/AbstractHandshakeHandler.java
// (Apache-2.0). Safe look-alike: the name is one of Spring's own classes,
// chosen in branches by which server is present.
package org.springframework.web.socket.server.support;

import org.springframework.util.ClassUtils;

public abstract class AbstractHandshakeHandler {
    private static final boolean tomcatWsPresent = ClassUtils.isPresent(
            "org.apache.tomcat.websocket.server.WsHttpUpgradeHandler", AbstractHandshakeHandler.class.getClassLoader());

    private static final boolean jettyWsPresent = ClassUtils.isPresent(
            "org.eclipse.jetty.websocket.server.WebSocketServerFactory", AbstractHandshakeHandler.class.getClassLoader());

    private static Object initRequestUpgradeStrategy() {
        String className;
        if (tomcatWsPresent) {
            className = "org.springframework.web.socket.server.standard.TomcatRequestUpgradeStrategy";
        }
        else if (jettyWsPresent) {
            className = "org.springframework.web.socket.server.jetty.JettyRequestUpgradeStrategy";
        }
        else {
            throw new IllegalStateException("No suitable default RequestUpgradeStrategy found");
        }

        try {
            Class<?> clazz = ClassUtils.forName(className, AbstractHandshakeHandler.class.getClassLoader());
            return clazz.newInstance();
        }
        catch (Throwable ex) {
            throw new IllegalStateException("Failed to instantiate RequestUpgradeStrategy: " + className, ex);
        }
    }
}
