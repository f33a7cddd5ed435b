package demo.base;

import com.alipay.sofa.koupleless.common.api.SpringBeanFinder;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;

// base-resource-closed-by-module applies to module code only.
public class BaseConfig {
    @Bean
    public DataSource dataSource() {
        return (DataSource) SpringBeanFinder.getBaseBean("dataSource");
    }
}
