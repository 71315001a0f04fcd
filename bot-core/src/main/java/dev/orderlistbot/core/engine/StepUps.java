package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.chat.Button;
import dev.orderlistbot.core.chat.ChatEvent;
import dev.orderlistbot.core.chat.CodeButtons;
import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.chat.OutboundMessage;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.Secret;
import dev.orderlistbot.core.domain.UserRef;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The step-up conversation: asks for a code in private ("Send your code to confirm …", with an
 * "Enter code" button for platforms that answer it with a form), takes the user's next private
 * six-digit line as the answer (deleting it at once), or a form's {@link ChatEvent.CodeEntered},
 * and runs the guarded action only once the code is right. A wrong code answers with the attempts
 * left; a code after the question expired is not checked. Also takes the new PIN of {@code /2fa pin}
 * and the first code of {@code /2fa totp}, whose right answer deletes the message with the
 * authenticator's link. Thread-safe.
 */
final class StepUps {
  private static final Logger LOG = LoggerFactory.getLogger(StepUps.class);
  private static final Pattern SIX_DIGITS = Pattern.compile("[0-9]{6}");

  private final StepUpCodes codes;
  private final StepUpWaits waits;
  private final ChatOut out;
  private final Clock clock;
  private final SecureRandom random;
  private final Duration answerTime;

  StepUps(StepUpCodes codes, StepUpWaits waits, ChatOut out, Clock clock, SecureRandom random, Duration answerTime) {
    this.codes = codes;
    this.waits = waits;
    this.out = out;
    this.clock = clock;
    this.random = random;
    this.answerTime = answerTime;
  }

  StepUpCodes codes() {
    return codes;
  }

  /**
   * Runs {@code action} for the user of {@code message} as {@code decision} says: at once, after a
   * right code, or never (no code set, or locked: the user is told what to do). {@code onDrop} runs
   * when the action will not run (refused, expired, replaced by another question).
   */
  void guard(ChatEvent.TextMessage message, StepUpGate.Decision decision, String what, Runnable action, Runnable onDrop) {
    guard(message.user(), message.chat(), decision, what, clock.instant().plus(answerTime), action, onDrop);
  }

  /** {@link #guard(ChatEvent.TextMessage, StepUpGate.Decision, String, Runnable, Runnable)} for a question that ends at {@code expiresAt}. */
  void guard(
      UserRef user, ChatRef chat, StepUpGate.Decision decision, String what, Instant expiresAt, Runnable action, Runnable onDrop) {
    switch (decision) {
      case StepUpGate.Decision.NotNeeded notNeeded -> action.run();
      case StepUpGate.Decision.NeedsCode needs -> ask(user, chat, what, expiresAt, action, onDrop);
      case StepUpGate.Decision.NoCodeSet none -> {
        onDrop.run();
        out.send(chat, StepUpReplies.codeNeededButNoneSet(what));
      }
      case StepUpGate.Decision.Locked locked -> {
        onDrop.run();
        out.send(chat, StepUpReplies.locked(locked.until()));
      }
    }
  }

  /**
   * Asks the user, in private, for the code that lets {@code onRight} run, until {@code expiresAt};
   * {@code from} is told to look there when it is another chat.
   */
  void ask(UserRef user, ChatRef from, String what, Instant expiresAt, Runnable onRight, Runnable onDrop) {
    StepUpWaits.Wait.Code wait = new StepUpWaits.Wait.Code(Tokens.token(random), what, expiresAt, onRight, onDrop);
    waits.await(user, wait);
    ChatRef dm = privateChat(user);
    out.send(dm, OutboundMessage.withButtons(StepUpReplies.askCode(what), enterButton(wait)));
    if (!from.equals(dm)) {
      out.send(from, StepUpReplies.askedInPrivate());
    }
  }

  /** Waits for the PIN of {@code /2fa pin} in the user's private chat. */
  void awaitNewPin(UserRef user) {
    StepUpWaits.Wait.NewPin wait = new StepUpWaits.Wait.NewPin(Tokens.token(random), clock.instant().plus(answerTime));
    waits.await(user, wait);
    out.send(privateChat(user), OutboundMessage.withButtons(StepUpReplies.askNewPin(answerTime), enterButton(wait)));
  }

  /**
   * Waits for the first code of the authenticator {@code /2fa totp} just made, remembering the
   * message that shows its link, which the first right code deletes.
   */
  void awaitFirstTotpCode(UserRef user, String otpauthUri) {
    StepUpWaits.Wait.FirstTotpCode wait =
        new StepUpWaits.Wait.FirstTotpCode(Tokens.token(random), clock.instant().plus(answerTime), Optional.empty());
    waits.await(user, wait);
    Optional<MessageRef> link =
        out.send(privateChat(user), OutboundMessage.withButtons(StepUpReplies.totpCreated(otpauthUri, answerTime), enterButton(wait)));
    if (link.isPresent()) {
      waits.replace(user, wait, new StepUpWaits.Wait.FirstTotpCode(wait.id(), wait.expiresAt(), link));
    }
  }

  /**
   * Takes a private line as the answer to the user's wait when it is one (six digits; for a PIN,
   * any line); the line is deleted first. False when the line is not for a wait.
   */
  boolean answer(ChatEvent.TextMessage message) {
    Optional<StepUpWaits.Wait> wait = waits.peek(message.user());
    String text = withoutSpaces(message.text());
    if (!message.kind().isPrivate()) {
      return false;
    }
    if (wait.isEmpty()) {
      return strayCode(message, text);
    }
    boolean pin = wait.get() instanceof StepUpWaits.Wait.NewPin;
    if (!SIX_DIGITS.matcher(text).matches() && !(pin && !text.startsWith("/"))) {
      return false;
    }
    boolean deleted = out.delete(message.message());
    answer(message.user(), message.chat(), wait.get(), text, deleted);
    return true;
  }

  /**
   * Six digits in private from a user who has a code set, when no question waits (it expired, or
   * was answered): most likely their PIN, so it is deleted all the same, and they are told.
   */
  private boolean strayCode(ChatEvent.TextMessage message, String text) {
    if (!SIX_DIGITS.matcher(text).matches()
        || codes.state(message.user()).filter(s -> s.isSet() || s.totp().isPresent()).isEmpty()) {
      return false;
    }
    boolean deleted = out.delete(message.message());
    out.send(message.chat(), StepUpReplies.strayCode(deleted));
    return true;
  }

  /** Authenticator apps show a code as {@code 123 456}, and people type or paste it so. */
  private static String withoutSpaces(String text) {
    String stripped = text.strip();
    String joined = stripped.replaceAll("\\s+", "");
    return SIX_DIGITS.matcher(joined).matches() ? joined : stripped;
  }

  /** A code typed into a platform's form for a {@link CodeButtons} button. */
  void entered(ChatEvent.CodeEntered entered, Runnable confirm, String what) {
    String code = withoutSpaces(entered.code());
    if (entered.token().startsWith(CodeButtons.CONFIRM)) {
      if (!SIX_DIGITS.matcher(code).matches()) {
        out.send(entered.chat(), StepUpReplies.notSixDigits());
        return;
      }
      switch (codes.check(entered.user(), entered.chat(), code, what)) {
        case StepUpCodes.Outcome.Right right -> confirm.run();
        case StepUpCodes.Outcome outcome -> tell(entered.chat(), outcome);
      }
      return;
    }
    String id = entered.token().substring(CodeButtons.ENTER.length());
    Optional<StepUpWaits.Wait> wait = waits.peek(entered.user()).filter(w -> w.id().equals(id));
    if (wait.isEmpty()) {
      out.send(entered.chat(), StepUpReplies.noQuestion());
    } else {
      answer(entered.user(), entered.chat(), wait.get(), code, true);
    }
  }

  /** A press of an "Enter code" button where the code is typed as a line (not a form). */
  void enterPressed(ChatEvent.ButtonPressed press) {
    out.send(press.chat(), waits.peek(press.user()).isPresent() ? StepUpReplies.typeTheCode() : StepUpReplies.noQuestion());
  }

  private void answer(UserRef user, ChatRef chat, StepUpWaits.Wait wait, String text, boolean deleted) {
    if (waits.isOverdue(wait)) {
      waits.drop(user, wait);
      out.send(chat, StepUpReplies.tooLate(deleted));
      return;
    }
    switch (wait) {
      case StepUpWaits.Wait.Code code -> {
        StepUpCodes.Outcome outcome = codes.check(user, chat, text, code.what());
        if (outcome instanceof StepUpCodes.Outcome.Right) {
          if (waits.end(user, code)) {
            code.onRight().run();
          }
        } else {
          if (!(outcome instanceof StepUpCodes.Outcome.Wrong) && !(outcome instanceof StepUpCodes.Outcome.Replayed)) {
            waits.drop(user, code);
          }
          tell(chat, outcome);
        }
      }
      case StepUpWaits.Wait.NewPin newPin -> {
        if (!SIX_DIGITS.matcher(text).matches()) {
          out.send(chat, StepUpReplies.pinNotSixDigits(deleted));
          return;
        }
        waits.end(user, newPin);
        Secret pin = Secret.of(text);
        try {
          codes.setPin(user, chat, pin);
        } finally {
          pin.destroy();
        }
        LOG.info("{} set a step-up PIN", user);
        out.send(chat, StepUpReplies.pinSet(deleted));
      }
      case StepUpWaits.Wait.FirstTotpCode first -> {
        StepUpCodes.Outcome outcome = codes.activateTotp(user, chat, text);
        if (outcome instanceof StepUpCodes.Outcome.Right) {
          waits.end(user, first);
          LOG.info("{} turned a step-up authenticator on", user);
          // the link holds the key of every code: it goes as soon as it has served
          boolean linkDeleted = first.link().map(out::delete).orElse(false);
          out.send(chat, StepUpReplies.totpOn(linkDeleted));
        } else {
          if (!(outcome instanceof StepUpCodes.Outcome.Wrong)) {
            waits.drop(user, first);
          }
          tell(chat, outcome);
        }
      }
    }
  }

  private void tell(ChatRef chat, StepUpCodes.Outcome outcome) {
    out.send(
        chat,
        switch (outcome) {
          case StepUpCodes.Outcome.Right right -> StepUpReplies.codeRight();
          case StepUpCodes.Outcome.Wrong wrong -> StepUpReplies.wrongCode(wrong.attemptsLeft());
          case StepUpCodes.Outcome.Replayed replayed -> StepUpReplies.replayed();
          case StepUpCodes.Outcome.Locked locked -> StepUpReplies.locked(locked.until());
          case StepUpCodes.Outcome.NotSet notSet -> StepUpReplies.noCodeSet();
        });
  }

  private static Button enterButton(StepUpWaits.Wait wait) {
    return new Button(StepUpReplies.ENTER_CODE, CodeButtons.ENTER + wait.id());
  }

  static ChatRef privateChat(UserRef user) {
    return new ChatRef(user.platform(), user.userId());
  }
}
