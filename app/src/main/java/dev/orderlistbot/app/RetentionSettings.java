package dev.orderlistbot.app;

import dev.orderlistbot.core.engine.RecordRetention;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How long the bot keeps what it no longer needs.
 *
 * @param eventWindow {@code BOT_PROCESSED_EVENT_RETENTION_DAYS}: how long the record of a handled
 *     exchange event is kept once its order list is settled (finished that long ago); 7 to 3650
 *     days, default 30. A record of a list still open is kept whatever its age (docs/decisions.md)
 * @param auditRetention {@code BOT_AUDIT_RETENTION_DAYS}: how long audit entries are kept, 1 to
 *     36500 days, default 365; {@code 0} or {@code forever} keeps every entry (empty)
 */
record RetentionSettings(Duration eventWindow, Optional<Duration> auditRetention) {
  static final String EVENT_WINDOW = "BOT_PROCESSED_EVENT_RETENTION_DAYS";
  static final String AUDIT = "BOT_AUDIT_RETENTION_DAYS";
  private static final int MAX_EVENT_DAYS = 3650;
  private static final int MAX_AUDIT_DAYS = 36_500;

  RetentionSettings {
    Objects.requireNonNull(eventWindow, "eventWindow");
    Objects.requireNonNull(auditRetention, "auditRetention");
  }

  static RetentionSettings from(Env env) {
    int eventDays =
        env.integer(
            EVENT_WINDOW,
            (int) RecordRetention.Policy.DEFAULT_EVENT_WINDOW.toDays(),
            (int) RecordRetention.Policy.MIN_EVENT_WINDOW.toDays(),
            MAX_EVENT_DAYS);
    return new RetentionSettings(Duration.ofDays(eventDays), audit(env));
  }

  /** What {@link RecordRetention} keeps. */
  RecordRetention.Policy policy() {
    return new RecordRetention.Policy(eventWindow, auditRetention);
  }

  private static Optional<Duration> audit(Env env) {
    Optional<Duration> fallback = Optional.of(RecordRetention.Policy.DEFAULT_AUDIT_RETENTION);
    Optional<String> text = env.text(AUDIT);
    if (text.isEmpty()) {
      return fallback;
    }
    String value = text.get().toLowerCase(Locale.ROOT);
    if (value.equals("forever") || value.equals("0")) {
      return Optional.empty();
    }
    try {
      int days = Integer.parseInt(value);
      if (days >= 1 && days <= MAX_AUDIT_DAYS) {
        return Optional.of(Duration.ofDays(days));
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    env.problem(
        AUDIT, "must be a number of days from 1 to " + MAX_AUDIT_DAYS + ", or 0 or forever to keep every entry, was '" + text.get() + "'");
    return fallback;
  }
}
