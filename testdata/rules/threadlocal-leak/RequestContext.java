package fixtures.tl;

import org.springframework.core.NamedThreadLocal;

public class RequestContext {
    private static final ThreadLocal<Object> USER = new ThreadLocal<>();
    private static final ThreadLocal<String> TRACE = new NamedThreadLocal<>("trace");
    private final InheritableThreadLocal<Object> tenant = new InheritableThreadLocal<>();

    void begin(Object user, String trace, Object t) {
        USER.set(user); // want "threadlocal-leak:low"
        RequestContext.TRACE.set(trace); // a String pins no ClassLoader
        this.tenant.set(t); // want "threadlocal-leak"
    }
}
