package test;

public class Log4j12Calls {
}
