package org.apache.catalina.ant;

import org.apache.tools.ant.Task;

public abstract class BaseRedirectorHelperTask extends Task {
}
