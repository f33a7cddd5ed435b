package demo.jmx;

import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;

// A server the code makes itself holds only what it registers: a fixed
// name there collides with no other app's. The platform server, or one
// found by an agent id, is shared.
public class OwnServer {
    void own(Object bean) throws Exception {
        MBeanServer server = MBeanServerFactory.createMBeanServer();
        server.registerMBean(bean, new ObjectName("demo:name=own")); // want "jmx-fixed-name:medium" source:-
        MBeanServerFactory.newMBeanServer().registerMBean(bean, new ObjectName("demo:name=new")); // want "jmx-fixed-name:medium" source:-
    }

    void shared(Object bean) throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        server.registerMBean(bean, new ObjectName("demo:name=shared")); // want "jmx-fixed-name:medium"
        MBeanServer found = (MBeanServer) MBeanServerFactory.findMBeanServer(null).get(0);
        found.registerMBean(bean, new ObjectName("demo:name=found")); // want "jmx-fixed-name:medium"
    }
}
