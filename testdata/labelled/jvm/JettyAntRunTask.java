// Jetty 9.4.57, jetty-ant/src/main/java/org/eclipse/jetty/ant/JettyRunTask.java
// (Apache License 2.0 / EPL 1.0), shortened: an Ant task; Ant creates it
// and calls execute in the build's process, which hands the build's
// <systemProperties> to SystemProperties.setIfNotSetAlready
// (JettyAntSystemProperties.java). Not a hazard: the build's JVM's own.
package org.eclipse.jetty.ant;

import java.util.Iterator;

import org.apache.tools.ant.BuildException;
import org.apache.tools.ant.Task;
import org.apache.tools.ant.taskdefs.Property;
import org.eclipse.jetty.ant.types.SystemProperties;

public class JettyAntRunTask extends Task {
    private SystemProperties systemProperties;

    public void execute() throws BuildException {
        setSystemProperties();
    }

    private void setSystemProperties() {
        if (systemProperties != null) {
            Iterator propertiesIterator = systemProperties.getSystemProperties().iterator();
            while (propertiesIterator.hasNext()) {
                Property property = ((Property) propertiesIterator.next());
                SystemProperties.setIfNotSetAlready(property);
            }
        }
    }
}
