package fixtures.module;

public class ModuleSwitch {
    void start(ClassLoader a, ClassLoader b) {
        Thread.currentThread().setContextClassLoader(a.getParent()); // want "tccl-not-restored:low"
    }
}
