package dev.orderlistbot.core.command;

import dev.orderlistbot.core.command.ParseResult.NotForUs;
import dev.orderlistbot.core.domain.order.ListKind;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns one chat line into a {@link ParseResult}; the only entry to the command language.
 *
 * <p>It never throws on user input: any string (null, empty, huge, any Unicode) gives a result.
 * Text that does not start with {@code /}, and commands addressed to another bot ({@code
 * /oco@OtherBot} when this bot's username is known), are {@link NotForUs}, so the bot can stay
 * silent in groups. Every other line is {@link ParseResult.Parsed} or {@link ParseResult.Invalid}
 * with one error naming the wrong token and a correct example of the same command; see {@link
 * CommandSpec} for the commands.
 *
 * <p>Example: {@code parse("/oco BTCUSDT sell 0.01 tp 32000 sl 29000/28900")} is an OCO selling
 * 0.01 with a LIMIT_MAKER at 32000 and a STOP_LOSS_LIMIT at 29000/28900.
 *
 * <p>Immutable and thread-safe.
 */
public final class CommandParser {
  /** Longer than any command, a PEM private key included; longer lines are refused unread. */
  static final int MAX_LINE_LENGTH = 8192;

  private final Optional<String> botUsername;

  /**
   * @param botUsername this bot's username (with or without a leading {@code @}), to tell {@code
   *     /cmd@ThisBot} from {@code /cmd@OtherBot}; empty accepts any {@code @name}
   */
  public CommandParser(Optional<String> botUsername) {
    Objects.requireNonNull(botUsername, "botUsername");
    this.botUsername =
        botUsername
            .map(name -> name.startsWith("@") ? name.substring(1) : name)
            .filter(name -> !name.isBlank());
  }

  public ParseResult parse(String text) {
    if (text == null) {
      return new NotForUs(NotForUs.Reason.NOT_A_COMMAND, false);
    }
    int start = Tokenizer.start(text);
    if (start == text.length() || text.charAt(start) != '/') {
      return new NotForUs(NotForUs.Reason.NOT_A_COMMAND, false);
    }
    CommandWord word = CommandWord.of(Tokenizer.first(text, start).text());
    boolean secret = word.mayCarrySecret();
    if (word.namesOtherBot(botUsername)) {
      return new NotForUs(NotForUs.Reason.OTHER_BOT, secret);
    }
    Optional<CommandSpec> spec = CommandSpec.byWord(word.name());
    if (spec.isEmpty()) {
      return unknown(word, secret);
    }
    if (text.length() > MAX_LINE_LENGTH) {
      return invalid(ParseMessages.lineTooLong(spec.get(), MAX_LINE_LENGTH), spec.get(), secret);
    }
    List<Token> tokens = Tokenizer.split(text, start);
    return switch (read(spec.get(), text, tokens)) {
      case Read.Ok<Command>(Command command) -> new ParseResult.Parsed(command);
      // a refused /2fa line may hold a PIN or a code typed after the word: deleted like a key
      case Read.Failed<Command>(Problem problem) -> invalid(problem, spec.get(), secret || spec.get() == CommandSpec.TWOFA);
    };
  }

  private static Read<Command> read(CommandSpec spec, String text, List<Token> tokens) {
    Args args = new Args(tokens.subList(1, tokens.size()).stream().map(Token::text).toList());
    return switch (spec) {
      case OCO -> OrderListGrammar.read(spec, ListKind.OCO, args);
      case OTO -> OrderListGrammar.read(spec, ListKind.OTO, args);
      case OTOCO -> OrderListGrammar.read(spec, ListKind.OTOCO, args);
      case OPO -> OrderListGrammar.read(spec, ListKind.OPO, args);
      case OPOCO -> OrderListGrammar.read(spec, ListKind.OPOCO, args);
      case CANCEL -> AccountGrammars.cancel(args);
      case ORDERS -> AccountGrammars.orders(args);
      case STATUS -> AccountGrammars.status(args);
      case PRICE -> AccountGrammars.price(args);
      case BALANCE -> AccountGrammars.balance(args);
      case SETKEY -> KeyGrammar.read(text, tokens);
      case KEYGEN -> AccountGrammars.bare(spec, args, new Command.GenerateKey());
      case DELKEY -> AccountGrammars.bare(spec, args, new Command.DeleteKey());
      case KEYS -> AccountGrammars.bare(spec, args, new Command.ListKeys());
      case ALERTS -> AccountGrammars.alerts(args);
      case HELP -> AccountGrammars.help(args);
      // Telegram deep links send "/start PAYLOAD": the payload is ignored, not refused
      case START -> Read.ok(new Command.Start());
      case PAPER -> AccountGrammars.paper(args);
      case MOVESTOP -> ManageGrammars.moveStop(args);
      case REDUCE -> ManageGrammars.reduce(args);
      case CLOSE -> ManageGrammars.close(args);
      case PANIC -> ManageGrammars.panic(args);
      case AUDIT -> AuditGrammar.read(args);
      case LIMITS -> LimitGrammars.limits(args);
      case RESUME -> LimitGrammars.resume(args);
      case TWOFA -> AccountGrammars.twoFactor(args);
      case CHART -> ChartGrammars.chart(args);
      case SETTINGS -> ChartGrammars.settings(args);
    };
  }

  private static ParseResult unknown(CommandWord word, boolean secret) {
    Optional<CommandSpec> suggestion = Suggestions.closestCommand(word.name());
    Problem problem =
        secret
            ? ParseMessages.unknownCommandUnquoted(suggestion)
            : ParseMessages.unknownCommand(word.typedName(), suggestion);
    String example = suggestion.map(CommandSpec::example).orElse(CommandSpec.HELP.slashed());
    return new ParseResult.Invalid(
        new ParseError(problem.message(), problem.token(), Optional.of(example)), secret);
  }

  private static ParseResult invalid(Problem problem, CommandSpec spec, boolean secret) {
    return new ParseResult.Invalid(
        new ParseError(problem.message(), problem.token(), Optional.of(spec.example())), secret);
  }
}
