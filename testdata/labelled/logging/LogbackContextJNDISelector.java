// Logback 1.2.11, logback-classic/src/main/java/ch/qos/logback/classic/selector/ContextJNDISelector.java
// (EPL 1.0 / LGPL 2.1). The selector resets a context it created for one
// JNDI name before configuring it: logback's own implementation of its
// reset API, not a use of it. Its callers are where a hazard would be.
package ch.qos.logback.classic.selector;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import java.net.URL;

public class ContextJNDISelector {
    private void configureLoggerContextByURL(LoggerContext context, URL url) {
        try {
            JoranConfigurator configurator = new JoranConfigurator();
            context.reset();
            configurator.setContext(context);
            configurator.doConfigure(url);
        } catch (Exception e) {
        }
    }
}
