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
 * @param commandLimit how many commands one user may send in a window (default 20 in 60 s, from
 *     {@code BOT_USER_COMMAND_LIMIT} and {@code BOT_USER_COMMAND_WINDOW_SECONDS})
 * @param keyPosture what a key's posture may be when it is stored (default: withdrawals refused)
 * @param limits the operator's safety rails: ceilings, allowed pairs, least 24-hour volume (default
 *     {@link SafetyLimits#NONE}: all off)
 * @param stepUp which live actions need a step-up code (default {@link StepUpPolicy#OFF})
 */
public record EngineConfig(
    TradingEnvironment environment,
    Duration confirmTtl,
    Duration listButtonTtl,
    Duration keySetupTimeout,
    Set<UserRef> allowedUsers,
    Set<UserRef> admins,
    CommandLimit commandLimit,
    KeyPosturePolicy keyPosture,
    SafetyLimits limits,
    StepUpPolicy stepUp) {

  /** The console user, always allowed: whoever runs the bot locally owns it. */
  public static final UserRef CONSOLE_USER = new UserRef("console", "local");

  public static final Duration DEFAULT_CONFIRM_TTL = Duration.ofSeconds(60);
  public static final Duration DEFAULT_LIST_BUTTON_TTL = Duration.ofMinutes(10);
  public static final Duration DEFAULT_KEY_SETUP_TIMEOUT = Duration.ofMinutes(5);

  /**
   * At most {@code commands} commands from one user in any {@code window}; the commands over it get
   * one "slow down" answer and are dropped. Button presses and cancels are never refused by it.
   */
  public record CommandLimit(int commands, Duration window) {
    /**
     * 20 a minute: a trader who types an order, checks {@code /orders}, {@code /balance} and {@code
     * /price} a few times a minute stays far below it, while a script's loop of {@code /balance}
     * (weight 20 each at Binance) is held to 400 weight a minute, under a user's share of the IP's.
     */
    public static final CommandLimit DEFAULT = new CommandLimit(20, Duration.ofSeconds(60));

    public CommandLimit {
      if (commands < 1) {
        throw new IllegalArgumentException("commands must be at least 1, was " + commands);
      }
      requirePositive(window, "window");
    }
  }

  public EngineConfig {
    Objects.requireNonNull(environment, "environment");
    requirePositive(confirmTtl, "confirmTtl");
    requirePositive(listButtonTtl, "listButtonTtl");
    requirePositive(keySetupTimeout, "keySetupTimeout");
    allowedUsers = Set.copyOf(allowedUsers);
    admins = Set.copyOf(admins);
    Objects.requireNonNull(commandLimit, "commandLimit");
    Objects.requireNonNull(keyPosture, "keyPosture");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(stepUp, "stepUp");
  }

  /** The defaults for {@code environment}, with these users and admins. */
  public static EngineConfig of(TradingEnvironment environment, Set<UserRef> allowedUsers, Set<UserRef> admins) {
    return new EngineConfig(
        environment,
        DEFAULT_CONFIRM_TTL,
        DEFAULT_LIST_BUTTON_TTL,
        DEFAULT_KEY_SETUP_TIMEOUT,
        allowedUsers,
        admins,
        CommandLimit.DEFAULT,
        KeyPosturePolicy.DEFAULT,
        SafetyLimits.NONE,
        StepUpPolicy.OFF);
  }

  /** The same configuration with another confirmation time-to-live. */
  public EngineConfig withConfirmTtl(Duration ttl) {
    return new EngineConfig(environment, ttl, listButtonTtl, keySetupTimeout, allowedUsers, admins, commandLimit, keyPosture, limits, stepUp);
  }

  /** The same configuration with another per-user command limit. */
  public EngineConfig withCommandLimit(CommandLimit limit) {
    return new EngineConfig(environment, confirmTtl, listButtonTtl, keySetupTimeout, allowedUsers, admins, limit, keyPosture, limits, stepUp);
  }

  /** The same configuration with another key posture policy. */
  public EngineConfig withKeyPosture(KeyPosturePolicy policy) {
    return new EngineConfig(environment, confirmTtl, listButtonTtl, keySetupTimeout, allowedUsers, admins, commandLimit, policy, limits, stepUp);
  }

  /** The same configuration with other safety rails. */
  public EngineConfig withLimits(SafetyLimits safetyLimits) {
    return new EngineConfig(environment, confirmTtl, listButtonTtl, keySetupTimeout, allowedUsers, admins, commandLimit, keyPosture, safetyLimits, stepUp);
  }

  /** The same configuration with another step-up policy. */
  public EngineConfig withStepUp(StepUpPolicy policy) {
    return new EngineConfig(environment, confirmTtl, listButtonTtl, keySetupTimeout, allowedUsers, admins, commandLimit, keyPosture, limits, policy);
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
