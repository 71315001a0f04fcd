package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.chat.ChatEvent;
import dev.orderlistbot.core.command.Command;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.port.out.StepUpState;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code /2fa}: shows the user's step-up code setting; {@code /2fa pin} asks for a PIN in the next
 * private message, {@code /2fa totp} makes an authenticator secret and shows its URI once, on only
 * after a right first code; {@code /2fa off} turns it off after a right code. Private chats only;
 * while a code is set, a new one is set only after {@code /2fa off}, and nothing is changed while the
 * user is locked. Thread-safe.
 */
final class TwoFactorCommands {
  private final EngineConfig config;
  private final StepUps stepUps;
  private final ChatOut out;

  TwoFactorCommands(EngineConfig config, StepUps stepUps, ChatOut out) {
    this.config = config;
    this.stepUps = stepUps;
    this.out = out;
  }

  void run(ChatEvent.TextMessage message, Command.TwoFactor command) {
    if (!message.kind().isPrivate()) {
      out.send(message.chat(), StepUpReplies.privateOnly());
      return;
    }
    UserRef user = message.user();
    StepUpCodes codes = stepUps.codes();
    Optional<StepUpState> state = codes.state(user);
    boolean set = state.filter(StepUpState::isSet).isPresent();
    Optional<Instant> locked = codes.lockedUntil(user);
    if (command.mode() != Command.TwoFactorMode.STATUS) {
      if (locked.isPresent()) {
        out.send(message.chat(), StepUpReplies.locked(locked.get()));
        return;
      }
    }
    switch (command.mode()) {
      case STATUS -> out.send(message.chat(), status(state, locked));
      case PIN -> {
        if (set) {
          out.send(message.chat(), StepUpReplies.alreadySet());
        } else {
          stepUps.awaitNewPin(user);
        }
      }
      case TOTP -> {
        if (set) {
          out.send(message.chat(), StepUpReplies.alreadySet());
        } else {
          stepUps.awaitFirstTotpCode(user, codes.startTotp(user));
        }
      }
      case OFF -> {
        if (!set) {
          out.send(message.chat(), StepUpReplies.nothingToRemove());
        } else {
          StepUpGate.Decision decision = new StepUpGate.Decision.NeedsCode();
          stepUps.guard(
              message,
              decision,
              StepUpReplies.turningOff(),
              () -> {
                codes.remove(user, message.chat());
                out.send(message.chat(), StepUpReplies.removed());
              },
              () -> {});
        }
      }
    }
  }

  private String status(Optional<StepUpState> state, Optional<Instant> locked) {
    String method =
        state.map(
                s -> s.pinHash().isPresent()
                    ? StepUpReplies.methodPin()
                    : s.totpActive()
                        ? StepUpReplies.methodTotp()
                        : s.totp().isPresent() ? StepUpReplies.methodTotpWaiting() : StepUpReplies.methodNone())
            .orElse(StepUpReplies.methodNone());
    return StepUpReplies.status(method, locked, config.stepUp(), config.stepUp().appliesIn(config.environment()));
  }
}
