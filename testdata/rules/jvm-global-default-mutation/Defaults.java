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

// A stream swap and its undoing are one hazard: the restore in stop() is
// not reported (Groovy's SystemOutputInterceptor).
class Interceptor extends java.io.OutputStream {
    private final java.io.OutputStream out = System.out;

    public void start() {
        System.setOut(new PrintStream(this)); // want "jvm-global-default-mutation"
    }

    public void stop() {
        System.setOut((PrintStream) out);
    }

    public void write(int b) {
    }
}

// A swap restored in finally is one finding, at the swap.
class Compiler {
    static void compile(Runnable javac) throws Exception {
        PrintStream old = System.err;
        try {
            System.setErr(new PrintStream(new java.io.ByteArrayOutputStream(), false, "UTF-8")); // want "jvm-global-default-mutation:low"
            javac.run();
        } finally {
            System.setErr(old);
        }
    }
}

// A command line redirects its own process's streams.
class StartLog {
    public static void main(String[] args) throws Exception {
        init(args[0]);
    }

    private static void init(String file) throws Exception {
        PrintStream log = new PrintStream(file);
        System.setErr(log); // want "jvm-global-default-mutation" source:-
        System.setOut(log); // want "jvm-global-default-mutation" source:-
    }
}

// Streams saved before a try and put back in its finally (Groovy's
// AntBuilder): one finding per swap, at low.
class Demux {
    void perform(Runnable task, java.io.OutputStream demux) {
        PrintStream savedOut = System.out;
        System.setOut(new PrintStream(demux)); // want "jvm-global-default-mutation:low"
        try {
            task.run();
        } finally {
            System.setOut(savedOut);
        }
    }
}

// A public method of a command-line class: low, as the rule's other
// command-line cases.
class Tool {
    public static void main(String[] args) {
    }

    public static void redirect(PrintStream log) {
        System.setErr(log); // want "jvm-global-default-mutation:low"
    }
}
