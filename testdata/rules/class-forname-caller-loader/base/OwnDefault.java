package fixtures.forname.base;

import java.util.Map;
import java.util.Properties;

// Class names from the library's own configuration. One that defaults to
// a class of the library (or the JDK) is the library's extension point,
// set by whoever configures the library: a note. One with no such
// default is a user's plugin class: a hazard.
public class OwnDefault {
    static final String DEFAULT_FORMATTER = "java.util.logging.SimpleFormatter";
    static final String FORMATTER_KEY = "x.formatter";

    private String contextClass = "fixtures.forname.base.impl.StandardContext";
    private String mapperClass = DEFAULT_FORMATTER;
    private String wrapperClass = StandardContext.class.getName();
    private String customizerClassName = null;
    private String pluginClass;
    private String foreignDefault = "com.example.app.Plugin";

    public void setContextClass(String contextClass) {
        this.contextClass = contextClass;
    }

    public void setCustomizerClassName(String name) {
        this.customizerClassName = name;
    }

    public void setPluginClass(String pluginClass) {
        this.pluginClass = pluginClass;
    }

    Class<?> context() throws ClassNotFoundException {
        return Class.forName(contextClass); // want "class-forname-caller-loader:low"
    }

    Class<?> mapper() throws ClassNotFoundException {
        return Class.forName(this.mapperClass); // want "class-forname-caller-loader:low"
    }

    Class<?> wrapper() throws ClassNotFoundException {
        return Class.forName(wrapperClass); // want "class-forname-caller-loader:low"
    }

    public String getContextClass() {
        return contextClass;
    }

    public String getPluginClass() {
        return this.pluginClass;
    }

    // Through the class's getter: the field's default.
    Class<?> viaGetter() throws ClassNotFoundException {
        return Class.forName(getContextClass()); // want "class-forname-caller-loader:low"
    }

    Class<?> pluginViaGetter() throws ClassNotFoundException {
        return Class.forName(this.getPluginClass()); // want "class-forname-caller-loader:high"
    }

    // A null default: the class is the user's.
    Class<?> customizer() throws ClassNotFoundException {
        return Class.forName(customizerClassName); // want "class-forname-caller-loader:high"
    }

    Class<?> plugin() throws ClassNotFoundException {
        return Class.forName(pluginClass); // want "class-forname-caller-loader:high"
    }

    // A default naming another party's class is no extension point of
    // the library's.
    Class<?> foreign() throws ClassNotFoundException {
        return Class.forName(foreignDefault); // want "class-forname-caller-loader:high"
    }

    Class<?> systemDefault() throws ClassNotFoundException {
        return Class.forName(System.getProperty("x.formatter", "java.util.logging.SimpleFormatter")); // want "class-forname-caller-loader:low"
    }

    Class<?> propsDefault(Properties props) throws ClassNotFoundException {
        String name = props.getProperty(FORMATTER_KEY, DEFAULT_FORMATTER);
        return Class.forName(name); // want "class-forname-caller-loader:low"
    }

    Class<?> mapDefault(Map<String, String> config) throws ClassNotFoundException {
        String name = config.getOrDefault("context", StandardContext.class.getName());
        return Class.forName(name); // want "class-forname-caller-loader:low"
    }

    Class<?> nullFallback() throws ClassNotFoundException {
        String name = System.getProperty(FORMATTER_KEY);
        if (name == null) {
            name = StandardContext.class.getName();
        }
        return Class.forName(name); // want "class-forname-caller-loader:low"
    }

    Class<?> ternary() throws ClassNotFoundException {
        String configured = System.getProperty(FORMATTER_KEY);
        String name = configured != null ? configured : StandardContext.class.getName();
        return Class.forName(name); // want "class-forname-caller-loader:low"
    }

    Class<?> ternaryRead(Properties props) throws ClassNotFoundException {
        return Class.forName(props.getProperty(FORMATTER_KEY) == null ? DEFAULT_FORMATTER : props.getProperty(FORMATTER_KEY)); // want "class-forname-caller-loader:low"
    }

    // The fallback is another party's class: no extension point of the
    // library's.
    Class<?> ternaryForeign(String given) throws ClassNotFoundException {
        String name = given != null ? given : "com.example.app.Plugin";
        return Class.forName(name); // want "class-forname-caller-loader:high"
    }

    // No default: whatever the property names.
    Class<?> noDefault(Properties props) throws ClassNotFoundException {
        String name = props.getProperty("plugin.class");
        return Class.forName(name); // want "class-forname-caller-loader:high"
    }

    Class<?> nullDefault(Properties props) throws ClassNotFoundException {
        return Class.forName(props.getProperty("plugin.class", null)); // want "class-forname-caller-loader:high"
    }

    // Null falls back to the library's class, but another branch takes the
    // caller's argument: not every value is configuration or own.
    Class<?> mixed(String given) throws ClassNotFoundException {
        String name = System.getProperty(FORMATTER_KEY);
        if (name == null) {
            name = StandardContext.class.getName();
        } else {
            name = given;
        }
        return Class.forName(name); // want "class-forname-caller-loader:high"
    }
}

// The library's default implementation.
class StandardContext {
}
