package javasrc

// jdkTypes lists JDK types the resolver must recognise without a class path:
// java.lang (implicitly imported) and the packages whose types the rules
// match on, so "import java.util.*" resolves ServiceLoader. A type missing
// here only costs recall on wildcard imports, never precision.
var jdkTypes = setOf(
	// java.lang
	"java.lang.Object", "java.lang.String", "java.lang.System", "java.lang.Class",
	"java.lang.ClassLoader", "java.lang.Thread", "java.lang.ThreadGroup", "java.lang.ThreadLocal",
	"java.lang.InheritableThreadLocal", "java.lang.Runtime", "java.lang.Integer", "java.lang.Long",
	"java.lang.Boolean", "java.lang.Short", "java.lang.Byte", "java.lang.Character", "java.lang.Double",
	"java.lang.Float", "java.lang.Number", "java.lang.Math", "java.lang.StrictMath",
	"java.lang.StringBuilder", "java.lang.StringBuffer", "java.lang.Enum", "java.lang.Record",
	"java.lang.Iterable", "java.lang.Runnable", "java.lang.AutoCloseable", "java.lang.Comparable",
	"java.lang.CharSequence", "java.lang.Cloneable", "java.lang.Process", "java.lang.ProcessBuilder",
	"java.lang.SecurityManager", "java.lang.StackWalker", "java.lang.Module", "java.lang.ModuleLayer",
	"java.lang.Package", "java.lang.Void", "java.lang.Throwable", "java.lang.Exception", "java.lang.Error",
	"java.lang.RuntimeException", "java.lang.IllegalStateException", "java.lang.IllegalArgumentException",
	"java.lang.ClassNotFoundException", "java.lang.InterruptedException", "java.lang.Deprecated",
	"java.lang.Override", "java.lang.SuppressWarnings", "java.lang.FunctionalInterface", "java.lang.SafeVarargs",
	// java.util
	"java.util.ServiceLoader", "java.util.TimeZone", "java.util.Locale", "java.util.Timer",
	"java.util.TimerTask", "java.util.Properties", "java.util.Hashtable", "java.util.Map", "java.util.HashMap",
	"java.util.List", "java.util.ArrayList", "java.util.Set", "java.util.HashSet", "java.util.Collections",
	"java.util.Arrays", "java.util.Objects", "java.util.Optional", "java.util.Iterator", "java.util.Date",
	"java.util.Calendar", "java.util.UUID", "java.util.Random", "java.util.Scanner", "java.util.LinkedList",
	"java.util.LinkedHashMap", "java.util.TreeMap", "java.util.WeakHashMap", "java.util.IdentityHashMap",
	"java.util.Collection", "java.util.Enumeration", "java.util.ResourceBundle",
	// java.util.concurrent
	"java.util.concurrent.Executors", "java.util.concurrent.ExecutorService",
	"java.util.concurrent.ScheduledExecutorService", "java.util.concurrent.ThreadPoolExecutor",
	"java.util.concurrent.ScheduledThreadPoolExecutor", "java.util.concurrent.ConcurrentHashMap",
	"java.util.concurrent.ConcurrentMap", "java.util.concurrent.ForkJoinPool", "java.util.concurrent.CompletableFuture",
	"java.util.concurrent.ThreadFactory", "java.util.concurrent.TimeUnit",
	// task submission and proxies (tccl-not-propagated, own-classloader-lookup)
	"java.util.concurrent.Executor", "java.util.concurrent.Callable", "java.lang.reflect.Proxy",
	// java.lang.management, javax.management (JMX: one MBeanServer per JVM)
	"java.lang.management.ManagementFactory", "javax.management.MBeanServer", "javax.management.ObjectName",
	// java.util.logging
	"java.util.logging.LogManager", "java.util.logging.Logger",
	// java.net
	"java.net.URL", "java.net.URLConnection", "java.net.HttpURLConnection", "java.net.URLClassLoader",
	"java.net.Authenticator", "java.net.CookieHandler", "java.net.ProxySelector", "java.net.URI",
	"java.net.URLStreamHandlerFactory", "java.net.ContentHandlerFactory", "java.net.URLStreamHandler",
	// javax.net.ssl
	"javax.net.ssl.HttpsURLConnection", "javax.net.ssl.SSLContext", "javax.net.ssl.SSLSocketFactory",
	"javax.net.ssl.HostnameVerifier",
	// java.security
	"java.security.Security", "java.security.Provider",
	// java.sql
	"java.sql.DriverManager", "java.sql.Driver", "java.sql.Connection", "java.sql.SQLException",
	// java.io
	"java.io.PrintStream", "java.io.InputStream", "java.io.OutputStream", "java.io.ObjectInputStream",
	"java.io.ObjectOutputStream", "java.io.File", "java.io.IOException", "java.io.Serializable",
	"java.io.PrintWriter",
)

// returnTypes gives the static result type of the JDK methods that appear as
// receivers in the hazards (Runtime.getRuntime().addShutdownHook(..),
// System.getProperties().put(..), Thread.currentThread().getContextClassLoader()).
var returnTypes = map[string]string{
	"java.lang.Runtime.getRuntime":                           "java.lang.Runtime",
	"java.lang.System.getProperties":                         "java.util.Properties",
	"java.lang.Thread.currentThread":                         "java.lang.Thread",
	"java.lang.Thread.getContextClassLoader":                 "java.lang.ClassLoader",
	"java.lang.Thread.getThreadGroup":                        "java.lang.ThreadGroup",
	"java.lang.Class.getClassLoader":                         "java.lang.ClassLoader",
	"java.lang.Class.forName":                                "java.lang.Class",
	"java.lang.Object.getClass":                              "java.lang.Class",
	"java.lang.ClassLoader.getSystemClassLoader":             "java.lang.ClassLoader",
	"java.lang.ClassLoader.getPlatformClassLoader":           "java.lang.ClassLoader",
	"java.lang.ClassLoader.getParent":                        "java.lang.ClassLoader",
	"java.lang.ClassLoader.loadClass":                        "java.lang.Class",
	"java.util.ServiceLoader.load":                           "java.util.ServiceLoader",
	"java.util.ServiceLoader.loadInstalled":                  "java.util.ServiceLoader",
	"java.util.TimeZone.getTimeZone":                         "java.util.TimeZone",
	"java.util.TimeZone.getDefault":                          "java.util.TimeZone",
	"java.util.Locale.getDefault":                            "java.util.Locale",
	"java.util.Locale.forLanguageTag":                        "java.util.Locale",
	"java.util.logging.LogManager.getLogManager":             "java.util.logging.LogManager",
	"java.util.concurrent.Executors.newFixedThreadPool":      "java.util.concurrent.ExecutorService",
	"java.util.concurrent.Executors.newCachedThreadPool":     "java.util.concurrent.ExecutorService",
	"java.util.concurrent.Executors.newSingleThreadExecutor": "java.util.concurrent.ExecutorService",
	"java.util.concurrent.Executors.newScheduledThreadPool":  "java.util.concurrent.ScheduledExecutorService",
	// commonPool().submit(..) is a submission to the JVM-wide pool.
	"java.util.concurrent.ForkJoinPool.commonPool":              "java.util.concurrent.ForkJoinPool",
	"org.springframework.util.ClassUtils.getDefaultClassLoader": "java.lang.ClassLoader",
	// Receivers of the leak and JMX rules: factory.newThread(r).start(),
	// ManagementFactory.getPlatformMBeanServer().registerMBean(..).
	"java.util.concurrent.ThreadFactory.newThread":                  "java.lang.Thread",
	"java.lang.management.ManagementFactory.getPlatformMBeanServer": "javax.management.MBeanServer",
}

func setOf(xs ...string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[x] = true
	}
	return m
}

// staticFieldTypes gives the types of JDK static fields that appear as
// receivers (System.out.println).
var staticFieldTypes = map[string]string{
	"java.lang.System.out": "java.io.PrintStream",
	"java.lang.System.err": "java.io.PrintStream",
	"java.lang.System.in":  "java.io.InputStream",
}
