package dev.orderlistbot.core.command;

import java.util.function.Function;

/**
 * The outcome of reading part of a line: a value, or the trader's mistake as a {@link Problem}.
 * Readers return it instead of throwing, so a refusal is a value all the way up (STYLE habit 3):
 *
 * <pre>{@code
 * Read<Symbol> symbol = Words.symbol(args, spec);
 * if (symbol.failed()) return symbol.failure();
 * }</pre>
 */
sealed interface Read<T> {

  record Ok<T>(T value) implements Read<T> {}

  record Failed<T>(Problem problem) implements Read<T> {}

  static <T> Read<T> ok(T value) {
    return new Ok<>(value);
  }

  static <T> Read<T> fail(Problem problem) {
    return new Failed<>(problem);
  }

  default boolean failed() {
    return this instanceof Failed;
  }

  /** The value; calling it on a failure is a bug. */
  default T value() {
    return switch (this) {
      case Ok<T> ok -> ok.value();
      case Failed<T> failed -> throw new IllegalStateException("read failed: " + failed.problem());
    };
  }

  /** The same failure, typed for the caller's result; calling it on a success is a bug. */
  default <U> Read<U> failure() {
    return switch (this) {
      case Ok<T> ok -> throw new IllegalStateException("read succeeded");
      case Failed<T> failed -> new Failed<>(failed.problem());
    };
  }

  default <U> Read<U> map(Function<? super T, ? extends U> mapper) {
    return switch (this) {
      case Ok<T> ok -> new Ok<>(mapper.apply(ok.value()));
      case Failed<T> failed -> new Failed<>(failed.problem());
    };
  }
}
