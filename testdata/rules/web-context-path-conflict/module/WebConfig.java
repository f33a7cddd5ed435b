package demo.mod;

import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.server.ConfigurableServletWebServerFactory;

public class WebConfig implements WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> {
    @Override
    public void customize(ConfigurableServletWebServerFactory factory) {
        factory.setContextPath("/"); // want "web-context-path-conflict:medium"
    }

    void own(ConfigurableServletWebServerFactory factory) {
        factory.setContextPath("/orders");
    }

    void unrelated(Page page) {
        page.setContextPath("");
    }

    interface Page {
        void setContextPath(String p);
    }
}
