package dev.orderlistbot.app;

import java.util.List;

/**
 * A failure to report to the operator as plain sentences and exit 1: bad configuration, a wrong
 * master key, an unreachable database. Never carries key material.
 */
final class AppException extends RuntimeException {
  private final List<String> problems;

  AppException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  AppException(String problem) {
    this(List.of(problem));
  }

  List<String> problems() {
    return problems;
  }
}
