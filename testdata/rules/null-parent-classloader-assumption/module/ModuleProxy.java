package fixtures.module;

// Module code: not reported.
public class ModuleProxy {
    ClassLoader pick(ClassLoader cl) {
        if (cl.getParent() == null) {
            cl = getClass().getClassLoader();
        }
        return cl;
    }
}
