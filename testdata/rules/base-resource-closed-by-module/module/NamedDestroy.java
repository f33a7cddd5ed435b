package demo.mod;

import com.alipay.sofa.koupleless.common.api.SpringBeanFinder;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A destroy method the author named is left for them to change: no edit. */
@Configuration
public class NamedDestroy {
    @Bean(destroyMethod = "close")
    public DataSource baseDataSource() {
        return (DataSource) SpringBeanFinder.getBaseBean("dataSource"); // want "base-resource-closed-by-module:high" bytecode:-
    }

    @Bean(name = {"primary", "main"})
    public DataSource primary() {
        return (DataSource) SpringBeanFinder.getBaseBean("primary"); // want "base-resource-closed-by-module:high" bytecode:-
    }
}
