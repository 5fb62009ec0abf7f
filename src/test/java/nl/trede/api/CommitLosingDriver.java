package nl.trede.api;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * A JDBC driver in front of the test database (H2, or PostgreSQL when the tests run on it) whose
 * connection can be lost at the moment of a commit, as when PostgreSQL stops or the network is cut
 * just then: {@link #loseNextCommitAfter} names a statement, and the next commit of a transaction
 * that ran it fails with SQL state 08006, once. The commit either never reached the database
 * ({@link Loss#BEFORE_COMMIT}) or did and only its answer was lost ({@link Loss#AFTER_COMMIT}).
 */
public class CommitLosingDriver implements Driver {

    public enum Loss { BEFORE_COMMIT, AFTER_COMMIT }

    private record Fault(String statementStart, Loss loss) {
    }

    private static final AtomicReference<Fault> ARMED = new AtomicReference<>();

    /** The next transaction that runs a statement starting with {@code statementStart} loses its connection at commit. */
    public static void loseNextCommitAfter(String statementStart, Loss loss) {
        ARMED.set(new Fault(statementStart, loss));
    }

    /** True once the armed fault has struck. */
    public static boolean struck() {
        return ARMED.get() == null;
    }

    public static void disarm() {
        ARMED.set(null);
    }

    private static Driver target(String url) {
        return url.startsWith("jdbc:postgresql:") ? new org.postgresql.Driver() : new org.h2.Driver();
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        Connection connection = target(url).connect(url, info);
        return connection == null ? null : (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new Losing(connection));
    }

    /** Watches one physical connection for the armed statement and fails the commit after it. */
    private static final class Losing implements InvocationHandler {
        private final Connection connection;
        private Fault doomed;

        Losing(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Object invoke(Object proxy, java.lang.reflect.Method method, Object[] args) throws Throwable {
            Fault fault = ARMED.get();
            if (fault != null && method.getName().startsWith("prepare") && args != null && args[0] instanceof String sql
                    && sql.startsWith(fault.statementStart()) && ARMED.compareAndSet(fault, null)) {
                doomed = fault;
            }
            if (method.getName().equals("rollback") && (args == null || args.length == 0)) {
                doomed = null;
            }
            if (method.getName().equals("commit") && doomed != null) {
                Loss loss = doomed.loss();
                doomed = null;
                if (loss == Loss.AFTER_COMMIT) {
                    connection.commit();
                } else {
                    connection.rollback();
                }
                throw new SQLException("An I/O error occurred while sending to the backend.", "08006");
            }
            try {
                return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    @Override
    public boolean acceptsURL(String url) throws SQLException {
        return target(url).acceptsURL(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        return target(url).getPropertyInfo(url, info);
    }

    @Override
    public int getMajorVersion() {
        return 1;
    }

    @Override
    public int getMinorVersion() {
        return 0;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }
}
