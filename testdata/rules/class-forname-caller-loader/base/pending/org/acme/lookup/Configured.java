package org.acme.lookup;

import java.util.Properties;

// Configurable class names whose default is a constant of another class:
// the library's own class (or the JDK's) makes the name the library's
// extension point, a note; another party's class keeps the hazard.
class Configured {
    private String contextClass = Defaults.CONTEXT_CLASS;
    private String pluginClass = Defaults.PLUGIN_EXAMPLE;

    public void setContextClass(String contextClass) {
        this.contextClass = contextClass;
    }

    public void setPluginClass(String pluginClass) {
        this.pluginClass = pluginClass;
    }

    Class<?> context() throws ClassNotFoundException {
        return Class.forName(contextClass); // want "class-forname-caller-loader:low"
    }

    Class<?> plugin() throws ClassNotFoundException {
        return Class.forName(pluginClass); // want "class-forname-caller-loader:high"
    }

    Class<?> formatter(Properties props) throws ClassNotFoundException {
        String name = props.getProperty("acme.formatter", Defaults.FORMATTER);
        return Class.forName(name); // want "class-forname-caller-loader:low"
    }

    Class<?> fallback() throws ClassNotFoundException {
        String name = System.getProperty("acme.context");
        if (name == null) {
            name = Defaults.CONTEXT_CLASS;
        }
        return Class.forName(name); // want "class-forname-caller-loader:low"
    }
}
