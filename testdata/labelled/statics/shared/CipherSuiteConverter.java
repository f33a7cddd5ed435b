// netty 4.1.48, handler/src/main/java/io/netty/handler/ssl/CipherSuiteConverter.java (Apache License 2.0),
// trimmed to the reverse mapping. Safe look-alike: an OpenSSL cipher name is stored under the Java names
// computed from it; every entry is a pure function of the library's own name tables, the same for
// every app (a memoised conversion), although the stored value is the method's parameter.
package io.netty.handler.ssl;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

final class CipherSuiteConverter {
    private static final ConcurrentMap<String, String> j2o = new ConcurrentHashMap<>();
    private static final ConcurrentMap<String, Map<String, String>> o2j = new ConcurrentHashMap<>();

    private static Map<String, String> cacheFromOpenSsl(String openSslCipherSuite) {
        String javaCipherSuiteSuffix = toJavaUncached0(openSslCipherSuite);
        if (javaCipherSuiteSuffix == null) {
            return null;
        }
        final String javaCipherSuiteSsl = "SSL_" + javaCipherSuiteSuffix;
        final String javaCipherSuiteTls = "TLS_" + javaCipherSuiteSuffix;
        final Map<String, String> p2j = new HashMap<String, String>(4);
        p2j.put("", javaCipherSuiteSuffix);
        p2j.put("SSL", javaCipherSuiteSsl);
        p2j.put("TLS", javaCipherSuiteTls);
        o2j.putIfAbsent(openSslCipherSuite, p2j);
        j2o.putIfAbsent(javaCipherSuiteTls, openSslCipherSuite);
        j2o.putIfAbsent(javaCipherSuiteSsl, openSslCipherSuite);
        return p2j;
    }

    private static String toJavaUncached0(String openSslCipherSuite) {
        return openSslCipherSuite.startsWith("AES") ? "RSA_WITH_" + openSslCipherSuite : null;
    }
}
