package dev.orderlistbot.core.engine;

/**
 * Makes an audit entry's subject fit its column: one line, at most {@link #MAX} characters. A
 * subject holds reference ids and a short description, never a secret. Stateless.
 */
final class AuditSubjects {
  static final int MAX = 200;

  private AuditSubjects() {}

  /** {@code subject} on one line, cut to {@link #MAX} characters (ending in … when cut). */
  static String bounded(String subject) {
    String line = subject.strip().replaceAll("\\s+", " ");
    if (line.isEmpty()) {
      return "-";
    }
    return line.length() <= MAX ? line : line.substring(0, MAX - 1) + "…";
  }
}
