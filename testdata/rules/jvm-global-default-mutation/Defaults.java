package fixtures.globals;

import java.io.PrintStream;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.security.Security;
import java.sql.DriverManager;
import java.util.Locale;
import java.util.TimeZone;
import java.util.logging.LogManager;
import javax.net.ssl.HttpsURLConnection;

public class Defaults {
    void set(PrintStream out, java.security.Provider provider) throws Exception {
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Shanghai")); // want "jvm-global-default-mutation:high"
        Locale.setDefault(Locale.CHINA); // want "jvm-global-default-mutation"
        Locale.setDefault(Locale.Category.FORMAT, Locale.US); // want "jvm-global-default-mutation"
        HttpsURLConnection.setDefaultSSLSocketFactory(null); // want "jvm-global-default-mutation"
        HttpsURLConnection.setDefaultHostnameVerifier((h, s) -> true); // want "jvm-global-default-mutation"
        Authenticator.setDefault(null); // want "jvm-global-default-mutation"
        CookieHandler.setDefault(null); // want "jvm-global-default-mutation"
        ProxySelector.setDefault(null); // want "jvm-global-default-mutation"
        Security.addProvider(provider); // want "jvm-global-default-mutation"
        Security.insertProviderAt(provider, 1); // want "jvm-global-default-mutation"
        Security.setProperty("networkaddress.cache.ttl", "30"); // want "jvm-global-default-mutation"
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> { }); // want "jvm-global-default-mutation"
        System.setOut(out); // want "jvm-global-default-mutation"
        System.setErr(out); // want "jvm-global-default-mutation"
        LogManager.getLogManager().readConfiguration(); // want "jvm-global-default-mutation"
        DriverManager.setLogWriter(null); // want "jvm-global-default-mutation"
    }

    String scoped(java.util.Date d) {
        TimeZone previous = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("UTC")); // want "jvm-global-default-mutation:low"
        try {
            return d.toString();
        } finally {
            TimeZone.setDefault(previous);
        }
    }

    // Safe look-alikes.

    String perFormatter(java.util.Date d) {
        java.text.SimpleDateFormat f = new java.text.SimpleDateFormat("yyyy-MM-dd");
        f.setTimeZone(TimeZone.getTimeZone("Asia/Shanghai"));
        return f.format(d);
    }

    void perConnection(HttpsURLConnection conn, javax.net.ssl.SSLSocketFactory sf) {
        conn.setSSLSocketFactory(sf);
        conn.setHostnameVerifier((h, s) -> true);
    }

    void threadHandler(Thread t) {
        t.setUncaughtExceptionHandler((th, e) -> { });
    }

    void ownSetDefault(my.Config c) {
        c.setDefault("x");
    }
}
