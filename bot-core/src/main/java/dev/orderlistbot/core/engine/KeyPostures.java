package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.CredentialId;
import dev.orderlistbot.core.domain.TradingEnvironment;
import dev.orderlistbot.core.port.out.ExchangeClient;
import dev.orderlistbot.core.port.out.ExchangeException;
import dev.orderlistbot.core.port.out.KeyPosture;
import dev.orderlistbot.core.port.out.KeyPostureAnswer;
import dev.orderlistbot.core.port.out.KeyPostureCheck;
import dev.orderlistbot.core.security.Fingerprints;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Judges a key's posture before {@code /setkey} stores it: a key that can withdraw is refused unless
 * the operator allows it ({@link KeyPosturePolicy}); a key without an IP whitelist, or one that can
 * also trade margin, futures or options, is stored with a warning. On LIVE a key whose posture could
 * not be read is refused (fail closed: the trader may retry); on DEMO it is stored and the failure
 * said, as demo funds are not real; TESTNET and PAPER cannot tell and say so. Thread-safe.
 */
final class KeyPostures {
  /** What to do with a key after reading its posture. */
  sealed interface Verdict {
    /** Store it; tell the trader {@code notes} (warnings, or why the posture was not checked). */
    record Store(KeyPostureAnswer answer, List<String> notes) implements Verdict {
      public Store {
        Objects.requireNonNull(answer, "answer");
        notes = List.copyOf(notes);
      }
    }

    /**
     * Do not store it.
     *
     * @param reply what the trader is told
     * @param reason the audit's short name of the reason, e.g. {@code withdrawals-enabled}
     */
    record Refuse(String reply, String reason) implements Verdict {}
  }

  private final EngineConfig config;
  private final ExchangeClient exchange;
  private final Clock clock;

  KeyPostures(EngineConfig config, ExchangeClient exchange, Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.exchange = Objects.requireNonNull(exchange, "exchange");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Reads {@code key}'s posture (one signed call where the environment has the endpoint) and judges it. */
  Verdict judge(ApiCredentials key) {
    TradingEnvironment environment = config.environment();
    KeyPostureAnswer answer;
    try {
      answer = exchange.keyPosture(key);
    } catch (ExchangeException e) {
      if (environment == TradingEnvironment.LIVE) {
        return new Verdict.Refuse(PostureTexts.refusedUnchecked(Fingerprints.ofApiKey(key.apiKey()), e.error()), "posture-unread");
      }
      return new Verdict.Store(
          new KeyPostureAnswer.NotChecked(KeyPostureAnswer.Why.NO_ANSWER),
          List.of(PostureTexts.notCheckedAfterFailure(environment, e.error())));
    }
    return switch (answer) {
      case KeyPostureAnswer.Known known -> judge(key, known);
      case KeyPostureAnswer.NotChecked not -> new Verdict.Store(not, List.of(PostureTexts.notChecked(environment, not.why())));
    };
  }

  /** The record of {@code answer} for the key stored as {@code credential}, checked now. */
  KeyPostureCheck checked(CredentialId credential, KeyPostureAnswer answer) {
    return new KeyPostureCheck(credential, clock.instant(), config.environment(), answer);
  }

  private Verdict judge(ApiCredentials key, KeyPostureAnswer.Known known) {
    KeyPosture posture = known.posture();
    List<String> notes = new ArrayList<>();
    if (posture.withdrawalsEnabled()) {
      if (!config.keyPosture().allowWithdrawals()) {
        return new Verdict.Refuse(PostureTexts.refusedForWithdrawals(Fingerprints.ofApiKey(key.apiKey())), "withdrawals-enabled");
      }
      notes.add(PostureTexts.withdrawalsAllowedByOperator());
    }
    if (!posture.ipRestricted()) {
      notes.add(PostureTexts.noIpRestriction());
    }
    if (posture.tradesBeyondSpot()) {
      notes.add(PostureTexts.tradesBeyondSpot(posture));
    }
    return new Verdict.Store(known, notes);
  }
}
