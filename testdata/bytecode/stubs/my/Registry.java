package my;

public interface Registry {
    void registerDriver(java.sql.Driver driver);
}
