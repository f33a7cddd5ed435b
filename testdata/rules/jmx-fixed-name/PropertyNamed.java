package demo.jmx;

import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.ObjectName;

// A name read from a system property with a constant default is the same
// for every app in the JVM: the property table is JVM-wide.
public class PropertyNamed {
    void register(Object bean, String appName) throws Exception {
        MBeanServer mbs = ManagementFactory.getPlatformMBeanServer();
        mbs.registerMBean(bean, new ObjectName(System.getProperty("acme.jmx.name", "com.acme:type=Pool"))); // want "jmx-fixed-name"
        mbs.registerMBean(bean, new ObjectName("com.acme:type=Cache,name=" + System.getProperty("acme.cache", "main"))); // want "jmx-fixed-name" bytecode:-
        ObjectName n = new ObjectName(System.getProperty("acme.jmx.other", "com.acme:type=Other"));
        mbs.registerMBean(bean, n); // want "jmx-fixed-name"
    }

    // Safe look-alikes: a per-app part, a property with no default.
    void perApp(Object bean, String appName) throws Exception {
        MBeanServer mbs = ManagementFactory.getPlatformMBeanServer();
        mbs.registerMBean(bean, new ObjectName("com.acme:type=Cache,app=" + appName));
        mbs.registerMBean(bean, new ObjectName(System.getProperty("acme.jmx.name")));
        mbs.registerMBean(bean, new ObjectName("com.acme:type=Cache,name=" + System.getProperty("acme.cache", "main") + "," + appName));
    }
}
