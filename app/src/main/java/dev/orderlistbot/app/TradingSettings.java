package dev.orderlistbot.app;

import dev.orderlistbot.core.domain.TradingEnvironment;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.port.out.TradeFees;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How the bot trades and who may use it.
 *
 * @param environment {@code BINANCE_ENV}: paper (default), testnet, demo or live
 * @param restUrl {@code BINANCE_REST_URL}: overrides the environment's REST base URL
 * @param wsApiUrl {@code BINANCE_WS_API_URL}: overrides the environment's WebSocket API URL
 * @param confirmTtl {@code BOT_CONFIRM_TTL_SECONDS}: how long a preview's Confirm button works
 * @param allowedUsers {@code BOT_ALLOWED_USERS}: who may use the bot (the console user always may)
 * @param admins {@code BOT_ADMINS}: operators; also allowed
 * @param paperWalk {@code BOT_PAPER_WALK_SECONDS}: how often the paper market's simulated price
 *     moves; zero keeps paper prices still (they then move only with {@code /paper price})
 * @param paperFees {@code BOT_PAPER_MAKER_FEE} and {@code BOT_PAPER_TAKER_FEE}: the paper exchange's
 *     commission as fractions ({@code 0.001} is 0.1%, Binance's standard rate and the default)
 */
record TradingSettings(
    TradingEnvironment environment,
    Optional<URI> restUrl,
    Optional<URI> wsApiUrl,
    Duration confirmTtl,
    Set<UserRef> allowedUsers,
    Set<UserRef> admins,
    Duration paperWalk,
    TradeFees paperFees) {
  static final String BINANCE_ENV = "BINANCE_ENV";
  static final String BINANCE_REST_URL = "BINANCE_REST_URL";
  static final String BINANCE_WS_API_URL = "BINANCE_WS_API_URL";
  static final String CONFIRM_TTL = "BOT_CONFIRM_TTL_SECONDS";
  static final String ALLOWED_USERS = "BOT_ALLOWED_USERS";
  static final String ADMINS = "BOT_ADMINS";
  static final String PAPER_WALK = "BOT_PAPER_WALK_SECONDS";
  static final String PAPER_MAKER_FEE = "BOT_PAPER_MAKER_FEE";
  static final String PAPER_TAKER_FEE = "BOT_PAPER_TAKER_FEE";
  private static final BigDecimal STANDARD_FEE = new BigDecimal("0.001");
  private static final BigDecimal HIGHEST_FEE = new BigDecimal("0.1");

  TradingSettings {
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(restUrl, "restUrl");
    Objects.requireNonNull(wsApiUrl, "wsApiUrl");
    Objects.requireNonNull(confirmTtl, "confirmTtl");
    allowedUsers = Set.copyOf(allowedUsers);
    admins = Set.copyOf(admins);
    Objects.requireNonNull(paperWalk, "paperWalk");
    Objects.requireNonNull(paperFees, "paperFees");
  }

  static TradingSettings from(Env env) {
    TradingEnvironment environment = env.choice(BINANCE_ENV, TradingEnvironment.class, TradingEnvironment.PAPER);
    Optional<URI> rest = env.uri(BINANCE_REST_URL, "http", "https");
    Optional<URI> ws = env.uri(BINANCE_WS_API_URL, "ws", "wss");
    if (environment == TradingEnvironment.PAPER && (rest.isPresent() || ws.isPresent())) {
      env.problem(BINANCE_ENV, "is paper, which uses no Binance URL: unset BINANCE_REST_URL/BINANCE_WS_API_URL or choose testnet, demo or live");
    }
    int ttl = env.integer(CONFIRM_TTL, 60, 10, 3600);
    int walk = env.integer(PAPER_WALK, 5, 0, 3600);
    return new TradingSettings(
        environment,
        rest,
        ws,
        Duration.ofSeconds(ttl),
        env.users(ALLOWED_USERS),
        env.users(ADMINS),
        Duration.ofSeconds(walk),
        new TradeFees(fee(env, PAPER_MAKER_FEE), fee(env, PAPER_TAKER_FEE)));
  }

  /** A fee as a fraction of the traded amount, 0 to 0.1; the standard 0.001 when unset. */
  private static BigDecimal fee(Env env, String name) {
    Optional<String> text = env.text(name);
    if (text.isEmpty()) {
      return STANDARD_FEE;
    }
    try {
      BigDecimal fee = new BigDecimal(text.get());
      if (fee.signum() >= 0 && fee.compareTo(HIGHEST_FEE) <= 0) {
        return fee;
      }
    } catch (NumberFormatException e) {
      // answered below, with an example
    }
    env.problem(name, "must be a fraction of the traded amount from 0 to 0.1, e.g. 0.001 for 0.1%, was '" + text.get() + "'");
    return STANDARD_FEE;
  }
}
