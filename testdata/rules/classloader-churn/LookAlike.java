package fixtures;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.parser.ParserConfig;

// Safe look-alikes: none of these lines may be flagged.
public class LookAlike {
    private static final ParserConfig SHARED = new ParserConfig();
    private final ParserConfig perInstance = new ParserConfig(); // want "classloader-churn" source:-
    private static ParserConfig lazy;

    static ParserConfig lazy() {
        if (lazy == null) {
            lazy = new ParserConfig();
        }
        return lazy;
    }

    Object parse(String text) {
        return JSON.parseObject(text, Object.class, ParserConfig.getGlobalInstance());
    }

    // One loader per plugin directory, outside loops.
    URLClassLoader plugin(File dir) throws Exception {
        return new URLClassLoader(new URL[] {dir.toURI().toURL()});
    }

    // A search that stops at the first candidate that works: the failed
    // tries define no class. Compiled code does not show the return.
    Class<?> firstToolsJar(File[] candidates) throws ClassNotFoundException {
        for (File jar : candidates) {
            try {
                Class<?> vm = new URLClassLoader(new URL[] {jar.toURI().toURL()}).loadClass("com.sun.tools.attach.VirtualMachine"); // want "classloader-churn" source:-
                return vm;
            } catch (Exception e) {
                // try the next one
            }
        }
        throw new ClassNotFoundException("com.sun.tools.attach.VirtualMachine");
    }
}

// A user class named like fastjson's.
class ParserConfigLike {
    static class ParserConfig { }
    Object make() { return new ParserConfig(); }
}
