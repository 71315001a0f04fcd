package dev.orderlistbot.core.command;

import dev.orderlistbot.core.domain.Secret;
import java.util.List;
import java.util.Optional;

/**
 * {@code /setkey}, {@code /setkey API_KEY} and {@code /setkey API_KEY SECRET}. The secret is the
 * rest of the original text after the API key, trimmed, so a PEM private key pasted across lines
 * arrives intact, case and inner spacing included.
 *
 * <p>Refusals here never quote anything the trader typed: the line may hold a secret.
 */
final class KeyGrammar {
  private static final int MIN_KEY_LENGTH = 16;
  private static final int MAX_KEY_LENGTH = 256;

  private KeyGrammar() {}

  /** {@code tokens} are the words of the line, the command word first. */
  static Read<Command> read(String text, List<Token> tokens) {
    if (tokens.size() == 1) {
      return Read.ok(new Command.StartKeySetup());
    }
    Token apiKey = tokens.get(1);
    if (!isApiKey(apiKey.text())) {
      return Read.fail(ParseMessages.malformedApiKey());
    }
    String secret = Tokenizer.strip(text.substring(apiKey.end()));
    return Read.ok(
        new Command.SetKey(
            apiKey.text(), secret.isEmpty() ? Optional.empty() : Optional.of(Secret.of(secret))));
  }

  /** Binance API keys are ASCII letters and digits (64 of them today). */
  private static boolean isApiKey(String word) {
    return word.length() >= MIN_KEY_LENGTH
        && word.length() <= MAX_KEY_LENGTH
        && word.chars().allMatch(KeyGrammar::isAsciiLetterOrDigit);
  }

  private static boolean isAsciiLetterOrDigit(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
