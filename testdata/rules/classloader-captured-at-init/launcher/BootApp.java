package demo.start;

import org.springframework.boot.SpringApplication;

// A Spring Boot application's main starts an app, which may share the JVM.
public class BootApp {
    static final ClassLoader LOADER = Thread.currentThread().getContextClassLoader(); // want "classloader-captured-at-init"

    public static void main(String[] args) {
        SpringApplication.run(BootApp.class, args);
    }
}
