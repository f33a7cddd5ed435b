package fixtures.base;

public class BaseProxy {
    ClassLoader pick(ClassLoader cl) {
        if (cl == null || cl.getParent() == null) { // want "null-parent-classloader-assumption:medium" bytecode:-
            cl = BaseProxy.class.getClassLoader();
        }
        return cl;
    }
}
