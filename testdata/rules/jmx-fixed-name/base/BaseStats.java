package demo.base;

import java.lang.management.ManagementFactory;
import javax.management.ObjectName;

public class BaseStats {
    void register(Object bean) throws Exception {
        ManagementFactory.getPlatformMBeanServer().registerMBean(bean, new ObjectName("base:type=Stats")); // want "jmx-fixed-name:medium"
    }
}
