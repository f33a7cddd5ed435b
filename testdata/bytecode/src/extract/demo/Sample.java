package demo;

import java.util.HashMap;
import java.util.Map;

// Facts that scanner/bytecode's tests check line by line: keep the lines.
public class Sample {
    static final Map<ClassLoader, String> BY_LOADER = new HashMap<>();
    static int counter;
    static String name;
    static Runnable task = () -> System.out.println("clinit lambda");

    static {
        System.setProperty("a", "b");
    }

    public static void main(String[] args) throws Exception {
        Runnable r = () -> System.exit(1);
        r.run();
        Class.forName("x.Y");
    }

    void loaders() throws Exception {
        Class.forName("a.B", true, Sample.class.getClassLoader());
        Class.forName("a.C", true, getClass().getClassLoader());
        Class.forName("a.D", true, Thread.currentThread().getContextClassLoader());
        Class.forName("a.E", true, ClassLoader.getSystemClassLoader());
        Class.forName("a.F", true, null);
    }

    void writes(String v) {
        counter++;
        name = v;
        BY_LOADER.put(getClass().getClassLoader(), v);
    }

    void later() {
        Runnable r = () -> {
            Thread.currentThread().setContextClassLoader(null);
        };
        r.run();
        new Thread(r).start();
    }

    void flag(java.util.concurrent.ThreadPoolExecutor e) {
        e.allowCoreThreadTimeOut(true);
    }
}
