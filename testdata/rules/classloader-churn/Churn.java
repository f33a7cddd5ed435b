package fixtures;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.parser.ParserConfig;

public class Churn {
    Object parse(String text) {
        return JSON.parseObject(text, Object.class, new ParserConfig()); // want "classloader-churn"
    }

    void scan(List<File> jars) throws Exception {
        for (File jar : jars) {
            URLClassLoader loader = new URLClassLoader(new URL[] {jar.toURI().toURL()}); // want "classloader-churn"
            loader.close();
        }
        for (File jar : jars) {
            URLClassLoader.newInstance(new URL[] {jar.toURI().toURL()}).close(); // want "classloader-churn"
        }
    }

    // A return in a nested branch does not end every iteration.
    Class<?> load(List<File> jars, boolean stop) throws Exception {
        for (File jar : jars) {
            URLClassLoader loader = new URLClassLoader(new URL[] {jar.toURI().toURL()}); // want "classloader-churn"
            if (stop) {
                return loader.loadClass("x.Y");
            }
        }
        return null;
    }
}
