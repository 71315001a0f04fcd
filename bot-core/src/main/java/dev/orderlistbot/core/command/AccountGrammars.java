package dev.orderlistbot.core.command;

import dev.orderlistbot.core.domain.Asset;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Symbol;
import java.util.Optional;

/**
 * The short commands: {@code /cancel}, {@code /orders}, {@code /status}, {@code /price}, {@code
 * /balance}, {@code /alerts}, {@code /help}, {@code /paper} and those that take no argument.
 */
final class AccountGrammars {
  private AccountGrammars() {}

  /** A command without arguments; any word after it is refused. */
  static Read<Command> bare(CommandSpec spec, Args args, Command command) {
    return end(spec, args, command);
  }

  static Read<Command> cancel(Args args) {
    if (args.nextIs("all")) {
      args.next();
      return end(CommandSpec.CANCEL, args, new Command.CancelAll());
    }
    return id(CommandSpec.CANCEL, args).map(Command.CancelOrderList::new);
  }

  static Read<Command> status(Args args) {
    return id(CommandSpec.STATUS, args).map(Command.ShowStatus::new);
  }

  static Read<Command> orders(Args args) {
    if (!args.hasNext()) {
      return Read.ok(new Command.ListOrders(Optional.empty()));
    }
    Read<Symbol> symbol = Words.symbol(args, CommandSpec.ORDERS);
    if (symbol.failed()) {
      return symbol.failure();
    }
    return end(CommandSpec.ORDERS, args, new Command.ListOrders(Optional.of(symbol.value())));
  }

  static Read<Command> price(Args args) {
    Read<Symbol> symbol = Words.symbol(args, CommandSpec.PRICE);
    if (symbol.failed()) {
      return symbol.failure();
    }
    return end(CommandSpec.PRICE, args, new Command.ShowPrice(symbol.value()));
  }

  static Read<Command> balance(Args args) {
    if (!args.hasNext()) {
      return Read.ok(new Command.ShowBalance(Optional.empty()));
    }
    String word = args.next();
    if (!Asset.isWellFormed(word)) {
      return Read.fail(ParseMessages.notAnAsset(word));
    }
    return end(CommandSpec.BALANCE, args, new Command.ShowBalance(Optional.of(Asset.of(word))));
  }

  static Read<Command> alerts(Args args) {
    if (!args.hasNext()) {
      return Read.ok(new Command.ListAlerts());
    }
    String word = args.next();
    Optional<Command.AlertMode> mode =
        switch (Words.lower(word)) {
          case "on" -> Optional.of(Command.AlertMode.ON);
          case "off" -> Optional.of(Command.AlertMode.OFF);
          case "redacted" -> Optional.of(Command.AlertMode.REDACTED);
          default -> Optional.empty();
        };
    if (mode.isEmpty()) {
      return Read.fail(ParseMessages.notAnAlertMode(word));
    }
    return end(CommandSpec.ALERTS, args, new Command.SetAlerts(mode.get()));
  }

  /** {@code /2fa}, {@code /2fa pin}, {@code /2fa totp} or {@code /2fa off}; never a PIN or code on the line. */
  static Read<Command> twoFactor(Args args) {
    if (!args.hasNext()) {
      return Read.ok(new Command.TwoFactor(Command.TwoFactorMode.STATUS));
    }
    String word = args.next();
    Optional<Command.TwoFactorMode> mode =
        switch (Words.lower(word)) {
          case "pin" -> Optional.of(Command.TwoFactorMode.PIN);
          case "totp", "app", "authenticator" -> Optional.of(Command.TwoFactorMode.TOTP);
          case "off" -> Optional.of(Command.TwoFactorMode.OFF);
          default -> Optional.empty();
        };
    if (mode.isEmpty()) {
      return Read.fail(word.chars().allMatch(Character::isDigit) ? ParseMessages.codeOnTwoFactorLine() : ParseMessages.notATwoFactorChoice(word));
    }
    if (args.hasNext()) {
      // whatever follows may be the PIN or a code: never quoted back
      return Read.fail(ParseMessages.codeOnTwoFactorLine());
    }
    return Read.ok(new Command.TwoFactor(mode.get()));
  }

  static Read<Command> help(Args args) {
    if (!args.hasNext()) {
      return Read.ok(new Command.Help(Optional.empty()));
    }
    String word = args.next();
    String topic = word.startsWith("/") ? word.substring(1) : word;
    Optional<CommandSpec> known = CommandSpec.byWord(topic);
    if (known.isEmpty()) {
      Optional<CommandSpec> suggestion = Suggestions.closestCommand(Words.lower(topic));
      return Read.fail(ParseMessages.unknownHelpTopic(word, suggestion));
    }
    return end(CommandSpec.HELP, args, new Command.Help(Optional.of(known.get().word())));
  }

  static Read<Command> paper(Args args) {
    if (!args.hasNext()) {
      return Read.fail(ParseMessages.missingPaperAction());
    }
    String action = args.next();
    if (!Words.lower(action).equals("price")) {
      return Read.fail(ParseMessages.unknownPaperAction(action));
    }
    Read<Symbol> symbol = Words.symbol(args, CommandSpec.PAPER);
    if (symbol.failed()) {
      return symbol.failure();
    }
    if (!args.hasNext()) {
      return Read.fail(ParseMessages.missingPaperPrice(symbol.value()));
    }
    Read<Price> price = Prices.absolute(args.next());
    if (price.failed()) {
      return price.failure();
    }
    return end(CommandSpec.PAPER, args, new Command.SetPaperPrice(symbol.value(), price.value()));
  }

  /** An order-list id that ends the line. */
  private static Read<Long> id(CommandSpec spec, Args args) {
    Read<Long> id = idWord(spec, args);
    if (!id.failed() && args.hasNext()) {
      return Read.fail(ParseMessages.unexpected(args.next(), spec));
    }
    return id;
  }

  /** An order-list id: digits only, at most a long; 0 is a real id on Binance. */
  static Read<Long> idWord(CommandSpec spec, Args args) {
    if (!args.hasNext()) {
      return Read.fail(ParseMessages.missingId(spec));
    }
    String word = args.next();
    if (word.isEmpty() || !word.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Read.fail(ParseMessages.notAnId(word, spec));
    }
    String digits = word.replaceFirst("^0+(?=.)", "");
    String max = Long.toString(Long.MAX_VALUE);
    if (digits.length() > max.length()
        || (digits.length() == max.length() && digits.compareTo(max) > 0)) {
      return Read.fail(ParseMessages.idTooLarge(word));
    }
    return Read.ok(Long.parseLong(digits));
  }

  private static Read<Command> end(CommandSpec spec, Args args, Command command) {
    if (args.hasNext()) {
      return Read.fail(ParseMessages.unexpected(args.next(), spec));
    }
    return Read.ok(command);
  }
}
