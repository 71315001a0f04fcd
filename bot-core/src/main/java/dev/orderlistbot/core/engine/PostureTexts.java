package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.TradingEnvironment;
import dev.orderlistbot.core.port.out.ExchangeError;
import dev.orderlistbot.core.port.out.KeyPosture;
import dev.orderlistbot.core.port.out.KeyPostureAnswer;
import dev.orderlistbot.core.port.out.KeyPostureCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every sentence about a key's posture: why {@code /setkey} refused a key, the warnings it stores a
 * key with, and the posture line of {@code /keys}. Names fingerprints, never key material. Stateless.
 */
final class PostureTexts {
  private static final String API_MANAGEMENT = "On Binance, open API Management and edit this key";

  private PostureTexts() {}

  static String refusedForWithdrawals(String fingerprint) {
    return "🚫 Key not stored: Binance says this key (fingerprint " + fingerprint + ") can withdraw funds."
        + " A trading bot never needs that, and a leaked key that can withdraw can empty your account.\n"
        + API_MANAGEMENT + ": untick “Enable Withdrawals”, save, then send /setkey again.";
  }

  static String refusedUnchecked(String fingerprint, ExchangeError error) {
    return "🚫 Key not stored: I could not read this key's restrictions from Binance (fingerprint " + fingerprint
        + "), and on LIVE a key is stored only once I know it cannot withdraw. "
        + Replies.exchangeError(error) + "\nNothing was saved: send /setkey again in a minute.";
  }

  static String withdrawalsAllowedByOperator() {
    return "⚠️ This key can withdraw funds. The operator of this bot allows such keys, but trading never needs it: "
        + API_MANAGEMENT + " and untick “Enable Withdrawals”.";
  }

  static String noIpRestriction() {
    return "⚠️ This key works from any IP address. " + API_MANAGEMENT
        + ": choose “Restrict access to trusted IPs only” and add this bot's server address, so a leaked key is useless"
        + " anywhere else.";
  }

  static String tradesBeyondSpot(KeyPosture posture) {
    return "⚠️ This key can also trade " + String.join(" and ", beyondSpot(posture))
        + ". The bot trades Spot only: " + API_MANAGEMENT + " and untick those unless you need them elsewhere.";
  }

  static String notChecked(TradingEnvironment environment, KeyPostureAnswer.Why why) {
    return "Key posture not checked on " + environment + ": " + reason(why);
  }

  static String notCheckedAfterFailure(TradingEnvironment environment, ExchangeError error) {
    return notChecked(environment, KeyPostureAnswer.Why.NO_ANSWER) + " (" + Replies.exchangeError(error) + ")";
  }

  /** The line under a key in {@code /keys}. */
  static String line(Optional<KeyPostureCheck> check, KeyPosturePolicy policy) {
    if (check.isEmpty()) {
      return "  posture: not recorded (the key was stored before postures were checked; send /setkey again to check it)";
    }
    String checked = " · checked " + Figures.time(check.get().checkedAt());
    return switch (check.get().answer()) {
      case KeyPostureAnswer.Known known -> "  posture: " + String.join(", ", findings(known.posture(), policy)) + checked;
      case KeyPostureAnswer.NotChecked not ->
          "  posture: not checked on " + check.get().environment() + ": " + reason(not.why()) + checked;
    };
  }

  private static List<String> findings(KeyPosture posture, KeyPosturePolicy policy) {
    List<String> findings = new ArrayList<>();
    findings.add(posture.ipRestricted() ? "trusted IPs only" : "⚠️ any IP address");
    findings.add(
        !posture.withdrawalsEnabled()
            ? "no withdrawals"
            : policy.allowWithdrawals() ? "⚠️ can withdraw (allowed by the operator)" : "🚫 can withdraw");
    findings.add(posture.tradesBeyondSpot() ? "⚠️ also " + String.join(", ", beyondSpot(posture)) : "Spot only");
    return findings;
  }

  private static List<String> beyondSpot(KeyPosture posture) {
    List<String> markets = new ArrayList<>();
    if (posture.marginEnabled()) {
      markets.add("margin");
    }
    if (posture.futuresEnabled()) {
      markets.add("futures");
    }
    if (posture.optionsEnabled()) {
      markets.add("options");
    }
    return markets;
  }

  private static String reason(KeyPostureAnswer.Why why) {
    return switch (why) {
      case SIMULATED_EXCHANGE -> "the paper exchange uses no Binance key, so there is nothing to check.";
      case NO_ENDPOINT_ON_TESTNET ->
          "Binance Spot Testnet has no endpoint that tells what a key may do (withdrawals, IP restriction).";
      case NOT_SERVED_HERE -> "Binance Demo Mode does not serve the endpoint that tells what a key may do.";
      case NO_ANSWER -> "Binance did not answer when the key was stored.";
    };
  }
}
