package dev.wavecraft.devserver.reload.retire;

import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Deregisters the JDBC drivers of the given class loaders. Runs as a copy defined in a retired
 * generation's own loader (see {@link JdbcDrivers}): DriverManager lists and deregisters only the
 * drivers its caller's loader can see. It may therefore use JDK types only.
 */
public final class JdbcDriverRelease implements Function<Set<ClassLoader>, List<String>> {

    @Override
    public List<String> apply(Set<ClassLoader> retired) {
        List<String> removed = new ArrayList<>();
        for (Enumeration<Driver> drivers = DriverManager.getDrivers(); drivers.hasMoreElements();) {
            Driver driver = drivers.nextElement();
            if (retired.contains(driver.getClass().getClassLoader())) {
                try {
                    DriverManager.deregisterDriver(driver);
                } catch (SQLException e) {
                    throw new IllegalStateException("Deregistering " + driver.getClass().getName() + " failed", e);
                }
                removed.add("JDBC driver " + driver.getClass().getName());
            }
        }
        return removed;
    }
}
