// Jetty 9.4.57, jetty-ant/src/main/java/org/eclipse/jetty/ant/types/SystemProperties.java
// (Apache License 2.0 / EPL 1.0), shortened: an Ant type in a subpackage
// of the task's; its static setter is called only by the Ant task's
// execute (JettyAntRunTask.java). Not a hazard: the build's JVM's property.
package org.eclipse.jetty.ant.types;

import java.util.ArrayList;
import java.util.List;

import org.apache.tools.ant.taskdefs.Property;

public class SystemProperties {
    private List systemProperties = new ArrayList();

    public List getSystemProperties() {
        return systemProperties;
    }

    public static boolean setIfNotSetAlready(Property property) {
        if (System.getProperty(property.getName()) == null) {
            System.setProperty(property.getName(), (property.getValue() == null ? "" : property.getValue()));
            return true;
        }
        return false;
    }
}
