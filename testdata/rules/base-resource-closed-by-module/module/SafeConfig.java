package demo.mod;

import com.alipay.sofa.koupleless.common.api.SpringBeanFinder;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;

// Base objects used without being registered, non-closeable results,
// destroyMethod = "", and a look-alike finder: nothing is flagged.
public class SafeConfig {
    @Bean(destroyMethod = "")
    public DataSource dataSource() {
        return (DataSource) SpringBeanFinder.getBaseBean("dataSource");
    }

    @Bean
    public PlatformTransactionManager txManager() {
        return (PlatformTransactionManager) SpringBeanFinder.getBaseBean("transactionManager");
    }

    @Bean
    public SessionFactory sessionFactory() {
        DataSource ds = (DataSource) SpringBeanFinder.getBaseBean("dataSource");
        return new SessionFactory(ds);
    }

    public DataSource notABean() {
        return (DataSource) SpringBeanFinder.getBaseBean("dataSource");
    }

    static class SessionFactory {
        SessionFactory(DataSource ds) {
        }
    }
}

class LookAlikeFinder {
    static class SpringBeanFinder {
        static Object getBaseBean(String name) {
            return null;
        }
    }

    @Bean
    public DataSource local() {
        return (DataSource) SpringBeanFinder.getBaseBean("dataSource");
    }
}
