package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.TradingEnvironment;
import dev.orderlistbot.core.domain.UserRef;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * What the engine needs to know about this deployment.
 *
 * @param environment where orders go; shown in capitals in every preview
 * @param confirmTtl how long a preview's Confirm button works (default 60 s)
 * @param listButtonTtl how long the Cancel buttons under {@code /orders} work (default 10 min)
 * @param keySetupTimeout how long the guided {@code /setkey} waits for each answer (default 5 min)
 * @param allowedUsers who may use the bot (from {@code BOT_ALLOWED_USERS})
 * @param admins who administers it; admins are always allowed
 */
public record EngineConfig(
    TradingEnvironment environment,
    Duration confirmTtl,
    Duration listButtonTtl,
    Duration keySetupTimeout,
    Set<UserRef> allowedUsers,
    Set<UserRef> admins) {

  /** The console user, always allowed: whoever runs the bot locally owns it. */
  public static final UserRef CONSOLE_USER = new UserRef("console", "local");

  public static final Duration DEFAULT_CONFIRM_TTL = Duration.ofSeconds(60);
  public static final Duration DEFAULT_LIST_BUTTON_TTL = Duration.ofMinutes(10);
  public static final Duration DEFAULT_KEY_SETUP_TIMEOUT = Duration.ofMinutes(5);

  public EngineConfig {
    Objects.requireNonNull(environment, "environment");
    requirePositive(confirmTtl, "confirmTtl");
    requirePositive(listButtonTtl, "listButtonTtl");
    requirePositive(keySetupTimeout, "keySetupTimeout");
    allowedUsers = Set.copyOf(allowedUsers);
    admins = Set.copyOf(admins);
  }

  /** The defaults for {@code environment}, with these users and admins. */
  public static EngineConfig of(TradingEnvironment environment, Set<UserRef> allowedUsers, Set<UserRef> admins) {
    return new EngineConfig(
        environment, DEFAULT_CONFIRM_TTL, DEFAULT_LIST_BUTTON_TTL, DEFAULT_KEY_SETUP_TIMEOUT, allowedUsers, admins);
  }

  /** The same configuration with another confirmation time-to-live. */
  public EngineConfig withConfirmTtl(Duration ttl) {
    return new EngineConfig(environment, ttl, listButtonTtl, keySetupTimeout, allowedUsers, admins);
  }

  /** Authorization is by user, never by chat: the console user, admins and allowed users. */
  public boolean allows(UserRef user) {
    return CONSOLE_USER.equals(user) || admins.contains(user) || allowedUsers.contains(user);
  }

  public boolean isAdmin(UserRef user) {
    return CONSOLE_USER.equals(user) || admins.contains(user);
  }

  private static void requirePositive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
