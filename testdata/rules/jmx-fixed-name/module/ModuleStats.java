package demo.mod;

import java.lang.management.ManagementFactory;
import javax.management.ObjectName;

public class ModuleStats {
    void register(Object bean) throws Exception {
        ManagementFactory.getPlatformMBeanServer().registerMBean(bean, new ObjectName("mod:type=Stats")); // want "jmx-fixed-name:medium"
    }
}
