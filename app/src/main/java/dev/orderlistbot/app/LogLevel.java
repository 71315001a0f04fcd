package dev.orderlistbot.app;

import ch.qos.logback.classic.Level;

/**
 * {@code BOT_LOG_LEVEL}: how much the bot logs, in the console (to the log file) and in {@code run}
 * (to standard error) alike. {@code INFO} by default; the names are taken case-insensitively. It is
 * the level of the bot's own loggers; the libraries log at it too but never below {@code INFO}, and
 * nothing below it is written ({@link Logging}).
 */
enum LogLevel {
  TRACE,
  DEBUG,
  INFO,
  WARN,
  ERROR;

  static final String VARIABLE = "BOT_LOG_LEVEL";

  /** The level named by {@code BOT_LOG_LEVEL}, or {@code INFO}; a problem naming the allowed values otherwise. */
  static LogLevel from(Env env) {
    return env.choice(VARIABLE, LogLevel.class, INFO);
  }

  /** Logback's level of the same name. */
  Level logback() {
    return switch (this) {
      case TRACE -> Level.TRACE;
      case DEBUG -> Level.DEBUG;
      case INFO -> Level.INFO;
      case WARN -> Level.WARN;
      case ERROR -> Level.ERROR;
    };
  }
}
