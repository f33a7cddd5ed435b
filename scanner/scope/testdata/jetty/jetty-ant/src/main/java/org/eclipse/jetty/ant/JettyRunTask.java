package org.eclipse.jetty.ant;

import org.apache.tools.ant.Task;

public class JettyRunTask extends Task {
    public void execute() {
    }
}
