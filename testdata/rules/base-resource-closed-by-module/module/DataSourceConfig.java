package demo.mod;

import com.alipay.sofa.koupleless.common.api.AutowiredFromBase;
import com.alipay.sofa.koupleless.common.api.SpringBeanFinder;
import java.util.concurrent.ExecutorService;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class DataSourceConfig {
    @AutowiredFromBase
    private ExecutorService basePool;

    @Bean
    public DataSource dataSource() {
        return (DataSource) SpringBeanFinder.getBaseBean("dataSource"); // want "base-resource-closed-by-module:high" bytecode:-
    }

    @Bean(name = "reportDs")
    public DataSource reportDs() {
        DataSource ds = SpringBeanFinder.getBaseBean(DataSource.class); // want "base-resource-closed-by-module:high" bytecode:-
        return ds;
    }

    @Bean("sharedPool")
    public ExecutorService sharedPool() {
        return basePool; // want "base-resource-closed-by-module:high" bytecode:-
    }

    @Bean()
    public DataSource emptyParens() {
        return (DataSource) SpringBeanFinder.getBaseBean("other"); // want "base-resource-closed-by-module:high" bytecode:-
    }
}
