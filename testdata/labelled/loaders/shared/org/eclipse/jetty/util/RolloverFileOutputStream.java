// jetty 9.4.57, jetty-util/src/main/java/org/eclipse/jetty/util/RolloverFileOutputStream.java
// (EPL-2.0 / Apache-2.0), trimmed. Safe look-alike for tccl-not-propagated:
// the task on the static Timer (kept in a field) renames the log file and
// deletes old ones through its outer instance; nothing it runs loads
// classes or resources by name or calls back into an app.
package org.eclipse.jetty.util;

import java.io.File;
import java.io.IOException;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Timer;
import java.util.TimerTask;

public class RolloverFileOutputStream
{
    private static Timer __rollover;
    private static final String YYYY_MM_DD = "yyyy_mm_dd";
    private RollTask _rollTask;
    private String _filename;
    private int _retainDays;

    public RolloverFileOutputStream(String filename, int retainDays, ZonedDateTime now) throws IOException
    {
        _filename = filename;
        _retainDays = retainDays;
        synchronized (RolloverFileOutputStream.class)
        {
            if (__rollover == null)
                __rollover = new Timer(RolloverFileOutputStream.class.getName(), true);
        }
        scheduleNextRollover(now);
    }

    public static ZonedDateTime toMidnight(ZonedDateTime now)
    {
        return now.toLocalDate().atStartOfDay(now.getZone()).plus(1, ChronoUnit.DAYS);
    }

    private void scheduleNextRollover(ZonedDateTime now)
    {
        _rollTask = new RollTask();
        ZonedDateTime midnight = toMidnight(now);
        long delay = midnight.toInstant().toEpochMilli() - now.toInstant().toEpochMilli();
        synchronized (RolloverFileOutputStream.class)
        {
            __rollover.schedule(_rollTask, delay);
        }
    }

    void setFile(ZonedDateTime now) throws IOException
    {
        File file = new File(_filename);
        _filename = file.getCanonicalPath();
        File dir = new File(file.getParent());
        if (!dir.isDirectory() || !dir.canWrite())
            throw new IOException("Cannot write log directory " + dir);
    }

    void removeOldFiles(ZonedDateTime now)
    {
        if (_retainDays > 0)
        {
            long expired = now.minus(_retainDays, ChronoUnit.DAYS).toInstant().toEpochMilli();
            File file = new File(_filename);
            File dir = new File(file.getParent());
            String fn = file.getName();
            int s = fn.toLowerCase(Locale.ENGLISH).indexOf(YYYY_MM_DD);
            if (s < 0)
                return;
            String prefix = fn.substring(0, s);
            String[] logList = dir.list();
            for (int i = 0; i < logList.length; i++)
            {
                fn = logList[i];
                if (fn.startsWith(prefix))
                {
                    File f = new File(dir, fn);
                    if (f.lastModified() < expired)
                        f.delete();
                }
            }
        }
    }

    public void close()
    {
        synchronized (RolloverFileOutputStream.class)
        {
            if (_rollTask != null)
                _rollTask.cancel();
        }
    }

    private class RollTask extends TimerTask
    {
        @Override
        public void run()
        {
            try
            {
                ZonedDateTime now = ZonedDateTime.now();
                RolloverFileOutputStream.this.setFile(now);
                RolloverFileOutputStream.this.removeOldFiles(now);
                RolloverFileOutputStream.this.scheduleNextRollover(now);
            }
            catch (Throwable t)
            {
                t.printStackTrace(System.err); // want "stdout-usage"
            }
        }
    }
}
