package org.python.util;

import org.apache.tools.ant.taskdefs.MatchingTask;

public abstract class GlobMatchingTask extends MatchingTask {
}
