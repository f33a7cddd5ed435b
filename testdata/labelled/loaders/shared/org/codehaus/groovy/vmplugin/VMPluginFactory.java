// Groovy 2.4.21, src/main/org/codehaus/groovy/vmplugin/VMPluginFactory.java (Apache License 2.0).
// Safe: a private helper loads, through the own loader, only the class names its callers fix as
// constants (a JDK class as the probe, Groovy's own plugin class).
package org.codehaus.groovy.vmplugin;

public class VMPluginFactory {
    private static final String JDK5_CLASSNAME_CHECK = "java.lang.annotation.Annotation";
    private static final String JDK5_PLUGIN_NAME = "org.codehaus.groovy.vmplugin.v5.Java5";
    private static final String JDK7_CLASSNAME_CHECK = "java.util.Objects";
    private static final String JDK7_PLUGIN_NAME = "org.codehaus.groovy.vmplugin.v7.Java7";
    private static final Object plugin;

    static {
        Object p = createPlugin(JDK7_CLASSNAME_CHECK, JDK7_PLUGIN_NAME);
        if (p == null) {
            p = createPlugin(JDK5_CLASSNAME_CHECK, JDK5_PLUGIN_NAME);
        }
        plugin = p;
    }

    private static Object createPlugin(String classNameCheck, String pluginName) {
        try {
            ClassLoader loader = VMPluginFactory.class.getClassLoader();
            loader.loadClass(classNameCheck);
            return loader.loadClass(pluginName).newInstance();
        } catch (Throwable ex) {
            return null;
        }
    }
}
