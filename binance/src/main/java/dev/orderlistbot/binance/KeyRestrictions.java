package dev.orderlistbot.binance;

import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.port.out.ExchangeException;
import dev.orderlistbot.core.port.out.KeyPostureAnswer;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a key's restrictions ({@code GET /sapi/v1/account/apiRestrictions}, signed USER_DATA, weight
 * 1) for {@link BinanceExchangeClient}. The {@code /sapi} endpoints live on the live exchange's API
 * host only: Spot Testnet has none (nothing is sent, the answer says so), and Demo Mode documents
 * only its {@code /api} paths, so there the call is tried and an HTTP 404 is read as "not served
 * here". Any other failure throws {@link ExchangeException} like every read. Thread-safe.
 */
final class KeyRestrictions {
  private static final Logger log = LoggerFactory.getLogger(KeyRestrictions.class);
  private static final int NOT_FOUND = 404;

  private final BinanceConfig.Environment environment;
  private final Function<ApiCredentials, BinanceSession> sessions;
  private final Runnable syncClock;
  private final Failures failures;

  /**
   * @param sessions the signed clients of a credential set (throws {@link ExchangeException} for
   *     an unusable key)
   * @param syncClock measures Binance's clock when due (throws {@link ExchangeException})
   */
  KeyRestrictions(
      BinanceConfig.Environment environment,
      Function<ApiCredentials, BinanceSession> sessions,
      Runnable syncClock,
      Failures failures) {
    this.environment = Objects.requireNonNull(environment, "environment");
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.syncClock = Objects.requireNonNull(syncClock, "syncClock");
    this.failures = Objects.requireNonNull(failures, "failures");
  }

  KeyPostureAnswer read(ApiCredentials credentials) {
    Objects.requireNonNull(credentials, "credentials");
    if (environment == BinanceConfig.Environment.TESTNET) {
      return new KeyPostureAnswer.NotChecked(KeyPostureAnswer.Why.NO_ENDPOINT_ON_TESTNET);
    }
    BinanceSession session = sessions.apply(credentials);
    syncClock.run();
    try {
      return new KeyPostureAnswer.Known(session.account().apiRestrictions().toDomain());
    } catch (BinanceCallException e) {
      if (environment == BinanceConfig.Environment.DEMO && e.sent() && e.httpStatus() == NOT_FOUND) {
        log.info("{} does not serve apiRestrictions (HTTP 404)", environment);
        return new KeyPostureAnswer.NotChecked(KeyPostureAnswer.Why.NOT_SERVED_HERE);
      }
      throw failures.read(e);
    } catch (RuntimeException e) {
      throw failures.read(e);
    }
  }
}
