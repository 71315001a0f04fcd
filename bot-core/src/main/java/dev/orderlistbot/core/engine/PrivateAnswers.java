package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.chat.ChatEvent;
import dev.orderlistbot.core.command.CommandSpec;
import dev.orderlistbot.core.command.ParseResult;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lines that answer a question the bot asked rather than being commands: a step-up code, a new PIN
 * or an authenticator's first code ({@link StepUps}), and the answers of a guided key setup ({@link
 * KeySetups}). Each such line may be secret, so it is deleted before anything else. Thread-safe.
 */
final class PrivateAnswers {
  private static final Logger LOG = LoggerFactory.getLogger(PrivateAnswers.class);

  private final EngineConfig config;
  private final KeySetups setups;
  private final KeyCommands keys;
  private final StepUps stepUps;
  private final ChatOut out;

  PrivateAnswers(EngineConfig config, KeySetups setups, KeyCommands keys, StepUps stepUps, ChatOut out) {
    this.config = config;
    this.setups = setups;
    this.keys = keys;
    this.stepUps = stepUps;
    this.out = out;
  }

  /** Whether {@code message} was taken as an answer (and so is handled). */
  boolean take(ChatEvent.TextMessage message, ParseResult parsed) {
    if (config.allows(message.user()) && stepUps.answer(message)) {
      return true;
    }
    return setups.isWaiting(message.user(), message.chat()) && continuesSetup(message, parsed);
  }

  /**
   * A guided key setup is waiting in this chat: a plain line is its answer (deleted at once: it
   * may be the secret); a command ends the setup, and {@code /cancel} does nothing more.
   */
  private boolean continuesSetup(ChatEvent.TextMessage message, ParseResult parsed) {
    KeySetups.Step step = setups.take(message.user(), message.chat()).orElseThrow();
    if (parsed instanceof ParseResult.NotForUs notForUs && notForUs.reason() == ParseResult.NotForUs.Reason.NOT_A_COMMAND) {
      boolean deleted = out.delete(message.message());
      LOG.info("{}: key setup answer ({})", message, step.getClass().getSimpleName());
      if (setups.isOverdue(step)) {
        out.send(message.chat(), Replies.setupTimedOut(deleted));
      } else if (config.allows(message.user())) {
        keys.answer(message, step, deleted);
      }
      return true;
    }
    out.send(message.chat(), Replies.setupCancelled());
    return isBareCancel(message.text());
  }

  /** {@code /cancel} or {@code /cancel@Bot} with nothing after it. */
  private static boolean isBareCancel(String text) {
    String first = text.strip().toLowerCase(Locale.ROOT);
    int at = first.indexOf('@');
    String word = at < 0 ? first : first.substring(0, at);
    return word.equals(CommandSpec.CANCEL.slashed()) && (at < 0 || !first.contains(" "));
  }
}
