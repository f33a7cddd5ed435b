package demo.base;

import org.springframework.boot.web.servlet.server.ConfigurableServletWebServerFactory;

// The base owns the root context.
public class BaseWebConfig {
    void customize(ConfigurableServletWebServerFactory factory) {
        factory.setContextPath("");
    }
}
