package dev.railguard.spark;

import java.io.Serializable;
import java.util.function.Supplier;

/**
 * A supplier that travels to the executors inside a {@link SparkEvaluationSpec} and runs there, once per executor
 * JVM: how the executors get metrics beyond the installed ones, or judges that environment variables cannot describe.
 * Read credentials inside {@link #get()} (from the executor's environment), never capture them in the lambda.
 *
 * @param <T> what it supplies
 */
@FunctionalInterface
public interface SerializableSupplier<T> extends Supplier<T>, Serializable {
}
