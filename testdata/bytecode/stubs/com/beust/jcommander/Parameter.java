package com.beust.jcommander;

// The signature of JCommander's Parameter, for compiling the rule fixtures that use it
// (testdata/bytecode/build.sh puts it on their class path, never in the jars).
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface Parameter {
    String[] names() default {};
}
