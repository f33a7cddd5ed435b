package demo.jmx;

import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.ObjectName;

// App-specific names, registrations that are undone, and look-alike types.
class AppNamed {
    void register(Object bean, String app) throws Exception {
        MBeanServer mbs = ManagementFactory.getPlatformMBeanServer();
        mbs.registerMBean(bean, new ObjectName("com.acme:type=Stats,app=" + ObjectName.quote(app)));
        ObjectName n = new ObjectName("com.acme:type=Other");
        n = new ObjectName("com.acme:type=Other,app=" + app);
        mbs.registerMBean(bean, n); // want "jmx-fixed-name" source:-
    }

    void fromParam(MBeanServer mbs, Object bean, ObjectName name) throws Exception {
        mbs.registerMBean(bean, name);
    }
}

class Unregisters {
    private final ObjectName name;

    Unregisters() throws Exception {
        name = new ObjectName("com.acme:type=Undone");
    }

    void start(Object bean) throws Exception {
        ManagementFactory.getPlatformMBeanServer().registerMBean(bean, new ObjectName("com.acme:type=Undone")); // want "jmx-fixed-name" source:-
    }

    void stop() throws Exception {
        ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
    }
}

class LookAlike {
    interface MBeanServer {
        void registerMBean(Object o, Object name);
    }

    void register(MBeanServer s, Object bean) {
        s.registerMBean(bean, "com.acme:type=Mine");
    }
}

@demo.jmx.ManagedResource(objectName = "com.acme:name=NotSpring")
class OtherAnnotation {
}

@interface ManagedResource {
    String objectName();
}
