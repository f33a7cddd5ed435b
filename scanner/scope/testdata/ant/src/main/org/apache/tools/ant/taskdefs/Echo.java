package org.apache.tools.ant.taskdefs;

import org.apache.tools.ant.Task;

public class Echo extends Task {
}
