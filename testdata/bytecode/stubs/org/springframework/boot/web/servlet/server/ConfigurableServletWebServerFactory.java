package org.springframework.boot.web.servlet.server;

import org.springframework.boot.web.server.WebServerFactory;

public interface ConfigurableServletWebServerFactory extends WebServerFactory {
    void setContextPath(String contextPath);
}
