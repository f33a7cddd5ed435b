package fixtures.forname;

import java.util.Map;
import org.springframework.util.ClassUtils;

public class Basic {
    private static final String USER_TRANSACTION = "javax.transaction.UserTransaction";
    private static final String WEBSPHERE_ADMIN = "com.ibm.websphere.management.AdminServiceFactory";
    private final ClassLoader supplied;

    Basic(ClassLoader supplied) {
        this.supplied = supplied;
    }

    Class<?> byName(String name) throws Exception {
        return Class.forName(name); // want "class-forname-caller-loader:hint"
    }

    Class<?> concatenated(String simple) throws Exception {
        return Class.forName("com.acme.plugins." + simple); // want "class-forname-caller-loader:hint"
    }

    Class<?> ownLoader(String name) throws Exception {
        return Class.forName(name, true, Basic.class.getClassLoader()); // want "class-forname-caller-loader"
    }

    Class<?> getClassLoader(String name) throws Exception {
        return Class.forName(name, false, getClass().getClassLoader()); // want "class-forname-caller-loader"
    }

    Class<?> thisGetClassLoader(String name) throws Exception {
        return Class.forName(name, false, this.getClass().getClassLoader()); // want "class-forname-caller-loader"
    }

    Class<?> system(String name) throws Exception {
        return Class.forName(name, true, ClassLoader.getSystemClassLoader()); // want "class-forname-caller-loader"
    }

    Class<?> bootstrap(String name) throws Exception {
        return Class.forName(name, true, null); // want "class-forname-caller-loader"
    }

    Class<?> loadClassOwn(String name) throws Exception {
        return Basic.class.getClassLoader().loadClass(name); // want "class-forname-caller-loader"
    }

    Class<?> loadClassSystem(String name) throws Exception {
        return ClassLoader.getSystemClassLoader().loadClass(name); // want "class-forname-caller-loader"
    }

    Class<?> spring(String name) throws Exception {
        return ClassUtils.forName(name, Basic.class.getClassLoader()); // want "class-forname-caller-loader"
    }

    Class<?> optionalProbe() throws Exception {
        return Class.forName("org.slf4j.Logger"); // want "class-forname-caller-loader:hint"
    }

    Class<?> qualified(String name) throws Exception {
        return java.lang.Class.forName(name); // want "class-forname-caller-loader"
    }

    Class<?> multiLine(String name) throws Exception {
        return Class.forName( // want "class-forname-caller-loader"
                name);
    }

    // Safe look-alikes below: nothing may be flagged.

    Class<?> contextLoader(String name) throws Exception {
        return Class.forName(name, true, Thread.currentThread().getContextClassLoader());
    }

    Class<?> loaderOfSuppliedType(String name, Class<?> serviceInterface) throws Exception {
        return Class.forName(name, true, serviceInterface.getClassLoader());
    }

    Class<?> loaderOfSuppliedObject(String name, Object o) throws Exception {
        return Class.forName(name, true, o.getClass().getClassLoader());
    }

    Class<?> loaderField(String name) throws Exception {
        return Class.forName(name, true, supplied);
    }

    Class<?> loaderParameter(String name, ClassLoader cl) throws Exception {
        return Class.forName(name, true, cl);
    }

    Class<?> jdkClass() throws Exception {
        return Class.forName("java.util.ArrayList");
    }

    Class<?> javaxClass() throws Exception {
        return Class.forName("javax.sql.DataSource");
    }

    Class<?> sameArtifact() throws Exception {
        return Class.forName("fixtures.forname.Basic");
    }

    Class<?> classLiteral() {
        return Map.class;
    }

    Class<?> contextLoadClass(String name) throws Exception {
        return Thread.currentThread().getContextClassLoader().loadClass(name);
    }

    Class<?> suppliedLoadClass(String name) throws Exception {
        return supplied.loadClass(name);
    }

    Class<?> springDefaultLoader(String name) throws Exception {
        return ClassUtils.forName(name, null);
    }

    Class<?> springContextLoader(String name) throws Exception {
        return ClassUtils.forName(name, ClassUtils.getDefaultClassLoader());
    }

    Class<?> jdkLoadClass() throws Exception {
        return getClass().getClassLoader().loadClass("java.lang.String");
    }

    Class<?> jdkConstant() throws Exception {
        return getClass().getClassLoader().loadClass(USER_TRANSACTION);
    }

    Class<?> springJdkProbe() throws Exception {
        return ClassUtils.forName("java.util.Optional", Basic.class.getClassLoader());
    }

    Class<?> libraryConstantProbe() throws Exception {
        return getClass().getClassLoader().loadClass(WEBSPHERE_ADMIN); // want "class-forname-caller-loader:hint"
    }

    Class<?> springLibraryProbe() throws Exception {
        return ClassUtils.forName("org.apache.http.impl.client.AbstractHttpClient", getClass().getClassLoader()); // want "class-forname-caller-loader:hint"
    }

    Class<?> contextElseOwn(String name) throws Exception {
        ClassLoader tcl = Thread.currentThread().getContextClassLoader();
        if (tcl != null) {
            return tcl.loadClass(name);
        }
        return Class.forName(name);
    }

    // Class.forName(name) in a comment is not a call.
    String text = "Class.forName(name)";
}
