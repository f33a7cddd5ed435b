// hikaricp 2.7.9, src/main/java/com/zaxxer/hikari/pool/PoolBase.java and
// HikariPool.java (Apache-2.0), cut to the calls of UtilityElf's helpers: the
// configured DataSource class name goes to createInstance (reported here, where
// the run-time name enters); the metrics probes pass constants.
package com.zaxxer.hikari.pool;

import static com.zaxxer.hikari.util.UtilityElf.createInstance;
import static com.zaxxer.hikari.util.UtilityElf.safeIsAssignableFrom;

import java.util.Properties;
import javax.sql.DataSource;

abstract class PoolBase {
    private void initializeDataSource(Properties config) {
        final String dsClassName = config.getProperty("dataSourceClassName");
        if (dsClassName != null) {
            DataSource dataSource = createInstance(dsClassName, DataSource.class); // want "class-forname-caller-loader"
        }
    }

    void setMetricRegistry(Object metricRegistry) {
        if (metricRegistry != null && safeIsAssignableFrom(metricRegistry, "com.codahale.metrics.MetricRegistry")) {
            return;
        } else if (metricRegistry != null && safeIsAssignableFrom(metricRegistry, "io.micrometer.core.instrument.MeterRegistry")) {
            return;
        }
    }
}
