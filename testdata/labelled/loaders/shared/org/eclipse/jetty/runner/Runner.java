// jetty 9.4.57, jetty-runner/src/main/java/org/eclipse/jetty/runner/Runner.java
// (EPL-2.0 / Apache-2.0), trimmed. Safe look-alike for tccl-not-restored:
// the launcher builds the class path's loader and makes it the start-up
// thread's context loader for the rest of the process; only main reaches
// the switch.
package org.eclipse.jetty.runner;

import java.net.URL;
import java.net.URLClassLoader;

public class Runner
{
    protected ClassLoader _classLoader;
    protected URL[] _paths = new URL[0];

    public void configure(String[] args) throws Exception
    {
        initClassLoader();
    }

    protected void initClassLoader()
    {
        URL[] paths = _paths;

        if (_classLoader == null && paths != null && paths.length > 0)
        {
            ClassLoader context = Thread.currentThread().getContextClassLoader();

            if (context == null)
                _classLoader = new URLClassLoader(paths);
            else
                _classLoader = new URLClassLoader(paths, context);

            Thread.currentThread().setContextClassLoader(_classLoader);
        }
    }

    public static void main(String[] args)
    {
        Runner runner = new Runner();
        try
        {
            runner.configure(args);
        }
        catch (Exception e)
        {
            throw new IllegalStateException(e);
        }
    }
}
