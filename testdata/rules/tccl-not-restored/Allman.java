package fixtures.tccl;

import java.net.URL;
import java.net.URLClassLoader;

/**
 * Jetty's start Main: braces on lines of their own, so the fix writes try
 * and finally the same way.
 */
public class Allman
{
    private final URL[] classpath = new URL[0];

    public void start(String[] args)
    {
        ClassLoader cl = new URLClassLoader(classpath, Allman.class.getClassLoader());
        Thread.currentThread().setContextClassLoader(cl); // want "tccl-not-restored"

        // Invoke the Main Class
        try
        {
            invokeMain(cl, args);
        }
        catch (Throwable e)
        {
            usageExit(e, 3);
        }
    }

    private void invokeMain(ClassLoader cl, String[] args) throws Exception
    {
        cl.loadClass("org.eclipse.jetty.xml.XmlConfiguration").getMethod("main", String[].class).invoke(null, (Object)args);
    }

    private void usageExit(Throwable t, int code)
    {
        throw new IllegalStateException("exit " + code, t);
    }
}
