package groovy.sql;

public class Sql {
}
