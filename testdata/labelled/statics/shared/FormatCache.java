// apache-log4j2 2.19.0, log4j-core/src/main/java/org/apache/logging/log4j/core/util/datetime/FastDatePrinter.java
// (Apache License 2.0), trimmed. Safe look-alike: a static cache of time-zone display names keyed by
// a key class of the file and holding Strings the JDK computes from the key; every app would compute
// the same values (a memoised pure function), so sharing it shares nothing of an app.
package org.apache.logging.log4j.core.util.datetime;

import java.util.Locale;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

public class FastDatePrinter {
    private static final ConcurrentMap<TimeZoneDisplayKey, String> cTimeZoneDisplayCache =
        new ConcurrentHashMap<>(7);

    static String getTimeZoneDisplay(final TimeZone tz, final boolean daylight, final int style, final Locale locale) {
        final TimeZoneDisplayKey key = new TimeZoneDisplayKey(tz, daylight, style, locale);
        String value = cTimeZoneDisplayCache.get(key);
        if (value == null) {
            // This is a very slow call, so cache the results.
            value = tz.getDisplayName(daylight, style, locale);
            final String prior = cTimeZoneDisplayCache.putIfAbsent(key, value);
            if (prior != null) {
                value = prior;
            }
        }
        return value;
    }

    private static class TimeZoneDisplayKey {
        private final TimeZone mTimeZone;
        private final int mStyle;
        private final Locale mLocale;

        TimeZoneDisplayKey(final TimeZone timeZone, final boolean daylight, final int style, final Locale locale) {
            mTimeZone = timeZone;
            mStyle = daylight ? style | 0x80000000 : style;
            mLocale = locale;
        }
    }
}
