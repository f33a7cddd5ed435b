package demo.jmx;

import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.ObjectName;

public class Stats {
    private final ObjectName fixed = new ObjectName("com.acme:type=Fixed");

    public Stats() throws Exception {
    }

    void register(Object bean) throws Exception {
        MBeanServer mbs = ManagementFactory.getPlatformMBeanServer();
        mbs.registerMBean(bean, new ObjectName("com.acme:type=Stats")); // want "jmx-fixed-name:medium"
        ObjectName n = new ObjectName("com.acme:type=Other");
        mbs.registerMBean(bean, n); // want "jmx-fixed-name:medium"
        ManagementFactory.getPlatformMBeanServer().registerMBean(bean, ObjectName.getInstance("com.acme", "type", "Third")); // want "jmx-fixed-name:medium"
        mbs.registerMBean(bean, fixed); // want "jmx-fixed-name:medium" bytecode:-
    }
}
