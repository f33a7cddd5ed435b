package org.springframework.jmx.export.annotation;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

@Retention(RetentionPolicy.RUNTIME)
public @interface ManagedResource {
    String value() default "";
    String objectName() default "";
    String description() default "";
}
