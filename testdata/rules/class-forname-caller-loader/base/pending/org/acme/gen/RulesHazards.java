package org.acme.gen;

import java.util.Properties;

// Look-alikes of Rules that stay findings.
public class RulesHazards {
    // Another library's prefix: the suffix picks a class of wherever that
    // library sits.
    static Object plugin(String className) throws Exception {
        return Class.forName(className).getDeclaredConstructor().newInstance(); // want "class-forname-caller-loader"
    }

    static Object pluginFor(int n) throws Exception {
        return plugin("com.example.plugins.Plugin" + Integer.toString(n)); // want "class-forname-caller-loader" bytecode:-
    }

    // One caller reads the name from configuration.
    static Object configured(String className) throws Exception {
        return Class.forName(className).getDeclaredConstructor().newInstance(); // want "class-forname-caller-loader"
    }

    static Object fromConfig(Properties p, int n) throws Exception {
        return configured("org.acme.gen.compiled.Rule" + Integer.toString(n)).toString() + configured(p.getProperty("rule.class")); // want "class-forname-caller-loader" bytecode:-
    }

    // A public method no project code calls: its caller's name.
    public static Object forClients(String className) throws Exception {
        return Class.forName(className).getDeclaredConstructor().newInstance(); // want "class-forname-caller-loader"
    }
}
