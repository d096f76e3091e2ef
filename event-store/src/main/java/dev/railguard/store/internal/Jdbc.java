package dev.railguard.store.internal;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Connections by JDBC URL: a minimal {@link DataSource} over {@link DriverManager}, with the SQLite settings the store
 * relies on (write-ahead log, a busy timeout, the chosen synchronous level).
 */
public final class Jdbc implements DataSource {

    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)(password|passwd|pwd)=[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("//[^/@]*@");

    private final String url;
    private final Properties properties;

    /**
     * @param url          a JDBC URL
     * @param user         the user, or null
     * @param password     the password, or null
     * @param syncFull     for SQLite: {@code synchronous=FULL} (survives power loss) instead of {@code NORMAL}
     *                     (survives a process crash)
     */
    public Jdbc(String url, String user, String password, boolean syncFull) {
        this.url = url;
        this.properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        if (isSqlite(url)) {
            properties.setProperty("journal_mode", "WAL");
            properties.setProperty("synchronous", syncFull ? "FULL" : "NORMAL");
            properties.setProperty("busy_timeout", "30000");
        }
    }

    /** Whether {@code url} names a SQLite database. */
    public static boolean isSqlite(String url) {
        return url.startsWith("jdbc:sqlite:");
    }

    /** {@code url} without passwords or user info, fit for messages. */
    public static String redact(String url) {
        return USER_INFO.matcher(PASSWORD_PARAM.matcher(url).replaceAll("$1=***")).replaceAll("//***@");
    }

    /** The URL without credentials. */
    public String redactedUrl() {
        return redact(url);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return DriverManager.getConnection(url, properties);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        Properties p = new Properties();
        p.putAll(properties);
        p.setProperty("user", username);
        p.setProperty("password", password);
        return DriverManager.getConnection(url, p);
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // no log writer
    }

    @Override
    public void setLoginTimeout(int seconds) {
        DriverManager.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() {
        return DriverManager.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no parent logger");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper of " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
