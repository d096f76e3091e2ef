package dev.railguard.telemetry;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * A test-only SLF4J provider that keeps every log line of every level in memory, so tests can assert what the
 * library logs and at which level. Registered in {@code META-INF/services} of this module's test class path (the only
 * provider there). WARN and ERROR lines are echoed to stderr for whoever reads the test output.
 */
public final class CapturedLogs {

    /** One log line: level, logger name, formatted message, throwable or {@code null}. */
    public record Line(Level level, String logger, String message, Throwable thrown) {
        @Override
        public String toString() {
            return level + " " + logger + " - " + message + (thrown == null ? "" : " [" + thrown + "]");
        }
    }

    private static final ConcurrentLinkedQueue<Line> LINES = new ConcurrentLinkedQueue<>();

    private CapturedLogs() {
    }

    /** The lines logged since the last {@link #clear()}, in order. */
    public static List<Line> lines() {
        return List.copyOf(LINES);
    }

    /** Forgets the lines so far. */
    public static void clear() {
        LINES.clear();
    }

    /** The SLF4J 2 provider. */
    public static final class Provider implements SLF4JServiceProvider {
        private final IMarkerFactory markers = new BasicMarkerFactory();
        private final MDCAdapter mdc = new NOPMDCAdapter();
        private final ILoggerFactory factory = CapturingLogger::new;

        @Override
        public ILoggerFactory getLoggerFactory() {
            return factory;
        }

        @Override
        public IMarkerFactory getMarkerFactory() {
            return markers;
        }

        @Override
        public MDCAdapter getMDCAdapter() {
            return mdc;
        }

        @Override
        public String getRequestedApiVersion() {
            return "2.0.99";
        }

        @Override
        public void initialize() {
        }
    }

    private static final class CapturingLogger extends LegacyAbstractLogger {
        private static final long serialVersionUID = 1L;

        CapturingLogger(String name) {
            this.name = name;
        }

        @Override
        public boolean isTraceEnabled() {
            return true;
        }

        @Override
        public boolean isDebugEnabled() {
            return true;
        }

        @Override
        public boolean isInfoEnabled() {
            return true;
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] args,
                Throwable thrown) {
            Line line = new Line(level, name, MessageFormatter.basicArrayFormat(pattern, args), thrown);
            LINES.add(line);
            if (level.toInt() >= Level.WARN.toInt()) {
                System.err.println(line);
            }
        }
    }
}
