// Spring Framework 4.3.30, spring-web/src/main/java/org/springframework/web/util/WebUtils.java
// (Apache License 2.0). setWebAppRootSystemProperty writes the web app's
// root into a JVM-wide system property (two web apps with the default key
// collide: Spring itself throws). removeWebAppRootSystemProperty, called at
// shutdown, removes the key the same code set: the restoring half, not a
// second hazard.
package org.springframework.web.util;

import javax.servlet.ServletContext;

public abstract class WebUtils {
    public static final String WEB_APP_ROOT_KEY_PARAM = "webAppRootKey";
    public static final String DEFAULT_WEB_APP_ROOT_KEY = "webapp.root";

    public static void setWebAppRootSystemProperty(ServletContext servletContext) throws IllegalStateException {
        String root = servletContext.getRealPath("/");
        String param = servletContext.getInitParameter(WEB_APP_ROOT_KEY_PARAM);
        String key = (param != null ? param : DEFAULT_WEB_APP_ROOT_KEY);
        String oldValue = System.getProperty(key);
        if (oldValue != null && !oldValue.equals(root)) {
            throw new IllegalStateException("Web app root system property already set to different value");
        }
        System.setProperty(key, root); // want "system-property-mutation"
    }

    public static void removeWebAppRootSystemProperty(ServletContext servletContext) {
        String param = servletContext.getInitParameter(WEB_APP_ROOT_KEY_PARAM);
        String key = (param != null ? param : DEFAULT_WEB_APP_ROOT_KEY);
        System.getProperties().remove(key);
    }
}
