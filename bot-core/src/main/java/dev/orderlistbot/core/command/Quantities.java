package dev.orderlistbot.core.command;

import dev.orderlistbot.core.domain.Asset;
import dev.orderlistbot.core.domain.Symbol;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Reads the quantity of an order-list command: a base amount ({@code 0.01}), a quote amount
 * ({@code 100usdt} or {@code 100 usdt}), dollars ({@code $100} or {@code 100$}) or a share of the
 * free balance ({@code 25%}).
 *
 * <p>A quote asset must end the symbol (a pair is base then quote: {@code BTCUSDT} ends with
 * {@code USDT}); the checks still compare it with the symbol's real quote asset. An amount in the
 * asset that starts the symbol ({@code 0.01btc}) is refused with a hint to drop the asset, rather
 * than guessed, since a short code can start a symbol by chance.
 */
final class Quantities {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private Quantities() {}

  static Read<QuantitySpec> read(Args args, Symbol symbol) {
    if (args.nextIs("risk")) {
      args.next();
      return risk(args, symbol);
    }
    if (!args.hasNext() || Words.isKeyword(args.peek())) {
      return Read.fail(ParseMessages.missingQuantity());
    }
    String word = args.next();
    if (word.startsWith("$")) {
      return usd(new NumberText("$", word.substring(1), ""));
    }
    if (word.endsWith("$")) {
      return usd(new NumberText("", word.substring(0, word.length() - 1), "$"));
    }
    if (word.endsWith("%")) {
      return share(new NumberText("", word.substring(0, word.length() - 1), "%"));
    }
    int numberEnd = numberPrefix(word);
    if (numberEnd > 0
        && numberEnd < word.length()
        && Character.isLetter(word.codePointAt(numberEnd))
        && !NumberHints.isExponent(word)) {
      return glued(word, numberEnd, symbol);
    }
    Read<BigDecimal> amount = Numbers.positive(word, Noun.QUANTITY);
    if (amount.failed()) {
      return amount.failure();
    }
    if (args.hasNext() && looksLikeAsset(args.peek())) {
      Read<QuantitySpec> quote = inAsset(args.peek(), amount.value(), args.peek(), symbol);
      args.next();
      return quote;
    }
    return Read.ok(new QuantitySpec.BaseAmount(amount.value()));
  }

  /**
   * What follows {@code risk}: the same forms as a quantity, read as money at risk: a plain number
   * is in the quote asset, and a percentage is of the equity.
   */
  private static Read<QuantitySpec> risk(Args args, Symbol symbol) {
    if (!args.hasNext() || Words.isKeyword(args.peek())) {
      return Read.fail(ParseMessages.missingRiskAmount());
    }
    String word = args.peek();
    if (word.endsWith("%")) {
      args.next();
      Read<BigDecimal> percent =
          Numbers.positive(new NumberText("", word.substring(0, word.length() - 1), "%"), Noun.PERCENT);
      if (percent.failed()) {
        return percent.failure();
      }
      if (percent.value().compareTo(HUNDRED) > 0) {
        return Read.fail(ParseMessages.riskShareAboveHundred(word));
      }
      return Read.ok(new QuantitySpec.RiskShare(percent.value()));
    }
    Read<QuantitySpec> amount = read(args, symbol);
    if (amount.failed()) {
      return amount;
    }
    return switch (amount.value()) {
      case QuantitySpec.BaseAmount(BigDecimal value) ->
          Read.ok(new QuantitySpec.RiskAmount(value, Optional.empty()));
      case QuantitySpec.QuoteAmount(BigDecimal value, Asset asset) ->
          Read.ok(new QuantitySpec.RiskAmount(value, Optional.of(asset)));
      case QuantitySpec.UsdAmount(BigDecimal value) -> Read.ok(new QuantitySpec.RiskUsd(value));
      case QuantitySpec.ShareOfFree share -> Read.fail(ParseMessages.notARiskAmount(word));
      case QuantitySpec.RiskAmount nested -> Read.fail(ParseMessages.notARiskAmount(word));
      case QuantitySpec.RiskUsd nested -> Read.fail(ParseMessages.notARiskAmount(word));
      case QuantitySpec.RiskShare nested -> Read.fail(ParseMessages.notARiskAmount(word));
    };
  }

  /** {@code 100usdt}: the number and the asset in one word. */
  private static Read<QuantitySpec> glued(String word, int numberEnd, Symbol symbol) {
    String asset = word.substring(numberEnd);
    if (!Asset.isWellFormed(asset)) {
      return Read.fail(ParseMessages.notAQuantity(word));
    }
    Read<BigDecimal> amount =
        Numbers.positive(new NumberText("", word.substring(0, numberEnd), asset), Noun.AMOUNT);
    if (amount.failed()) {
      return amount.failure();
    }
    return inAsset(word, amount.value(), asset, symbol);
  }

  /** A quote amount if {@code asset} ends the symbol; otherwise a refusal quoting {@code word}. */
  private static Read<QuantitySpec> inAsset(
      String word, BigDecimal amount, String asset, Symbol symbol) {
    Asset code = Asset.of(asset);
    String pair = symbol.value();
    if (pair.endsWith(code.code()) && !pair.equals(code.code())) {
      return Read.ok(new QuantitySpec.QuoteAmount(amount, code));
    }
    if (pair.startsWith(code.code())) {
      return Read.fail(ParseMessages.baseAssetNamed(word, code, amount.toPlainString()));
    }
    return Read.fail(ParseMessages.notAnAssetOf(word, code, symbol));
  }

  /** A word after the number that is meant as its asset: letters (and digits), not a keyword. */
  private static boolean looksLikeAsset(String word) {
    return Asset.isWellFormed(word)
        && Character.isLetter(word.codePointAt(0))
        && !Words.isKeyword(word)
        && !Words.lower(word).equals("at");
  }

  private static Read<QuantitySpec> usd(NumberText text) {
    return Numbers.positive(text, Noun.AMOUNT).map(QuantitySpec.UsdAmount::new);
  }

  private static Read<QuantitySpec> share(NumberText text) {
    Read<BigDecimal> percent = Numbers.positive(text, Noun.PERCENT);
    if (percent.failed()) {
      return percent.failure();
    }
    if (percent.value().compareTo(HUNDRED) > 0) {
      return Read.fail(ParseMessages.shareAboveHundred(text.token()));
    }
    return Read.ok(new QuantitySpec.ShareOfFree(percent.value()));
  }

  /** How many leading characters could belong to a number (digits, points, separators). */
  private static int numberPrefix(String word) {
    int i = 0;
    while (i < word.length() && "0123456789.,'_’".indexOf(word.charAt(i)) >= 0) {
      i++;
    }
    return i;
  }
}
