package org.python.util;

import org.python.util.GlobMatchingTask;

public class JycompileAntTask extends GlobMatchingTask {
}
