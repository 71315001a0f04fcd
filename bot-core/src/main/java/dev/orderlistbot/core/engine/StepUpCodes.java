package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.Secret;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.port.out.AuditAction;
import dev.orderlistbot.core.port.out.AuditEntry;
import dev.orderlistbot.core.port.out.OutboxMessage;
import dev.orderlistbot.core.port.out.SealedStepUpSecret;
import dev.orderlistbot.core.port.out.StepUpState;
import dev.orderlistbot.core.port.out.Stores;
import dev.orderlistbot.core.port.out.Transactor;
import dev.orderlistbot.core.security.KeyVault;
import dev.orderlistbot.core.security.PinHashes;
import dev.orderlistbot.core.security.Totp;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Users' step-up codes, kept in the database ({@code StepUpStore}): checking a code, setting a PIN
 * or an authenticator, turning it off. Each check runs in one transaction that holds the user's row,
 * so two codes sent at once are counted one after the other. A TOTP code is taken for the current
 * 30-second step or one either side, and never for a step at or before the last one taken (a code
 * seen once is spent). PIN and TOTP failures share one count: {@link StepUpPolicy#MAX_WRONG_CODES}
 * in a row lock the user's guarded actions for {@link StepUpPolicy#LOCK} on the injected clock, the
 * admins are told through the outbox in the same transaction, and every failure and lock is
 * audited. Codes, PINs and secrets are never logged. Thread-safe.
 */
final class StepUpCodes {
  private static final Logger LOG = LoggerFactory.getLogger(StepUpCodes.class);
  private static final String ISSUER = "orderlist-bot";

  /** What a code came to. */
  sealed interface Outcome {
    /** The code was right; the count of failures starts again. */
    record Right() implements Outcome {}

    /** The code was wrong; {@code attemptsLeft} more wrong ones lock. */
    record Wrong(int attemptsLeft) implements Outcome {}

    /** The code was the last one taken, within its step: not taken again, not counted. */
    record Replayed() implements Outcome {}

    /** Locked until {@code until} (by this code, or before it: then it was not even looked at). */
    record Locked(Instant until) implements Outcome {}

    /** The user has no PIN and no authenticator. */
    record NotSet() implements Outcome {}
  }

  private final Transactor transactor;
  private final KeyVault vault;
  private final Clock clock;
  private final SecureRandom random;
  private final Set<UserRef> admins;
  private final Runnable outboxTrigger;

  StepUpCodes(Transactor transactor, KeyVault vault, Clock clock, SecureRandom random, Set<UserRef> admins, Runnable outboxTrigger) {
    this.transactor = transactor;
    this.vault = vault;
    this.clock = clock;
    this.random = random;
    this.admins = Set.copyOf(admins);
    this.outboxTrigger = outboxTrigger;
  }

  Optional<StepUpState> state(UserRef user) {
    return transactor.inTransaction(stores -> stores.stepUps().find(user));
  }

  /** Until when the user is locked, if they are now. */
  Optional<Instant> lockedUntil(UserRef user) {
    return lockedUntil(state(user));
  }

  /** Until when the user whose setting is {@code state} (as just read) is locked, if they are now. */
  Optional<Instant> lockedUntil(Optional<StepUpState> state) {
    Instant now = clock.instant();
    return state.flatMap(StepUpState::lockedUntil).filter(now::isBefore);
  }

  /** Checks {@code code} against the user's PIN or authenticator; {@code what} names the action, for the audit. */
  Outcome check(UserRef user, ChatRef chat, String code, String what) {
    Outcome outcome =
        transactor.inTransaction(
            stores -> {
              Instant now = clock.instant();
              StepUpState state = stores.stepUps().find(user).orElse(StepUpState.none(user, now));
              Optional<Instant> locked = state.lockedUntil().filter(now::isBefore);
              if (locked.isPresent()) {
                return new Outcome.Locked(locked.get());
              }
              if (!state.isSet()) {
                return new Outcome.NotSet();
              }
              OptionalLong step = state.totpActive() ? totpStep(state, code, now) : pinMatches(state, code);
              if (step.isPresent() && state.totpActive() && step.getAsLong() <= state.lastTotpStep()) {
                return new Outcome.Replayed();
              }
              return step.isPresent() ? right(stores, state, step.getAsLong(), now) : wrong(stores, state, chat, what, now);
            });
    LOG.info("step-up code of {} for {}: {}", user, what, outcome.getClass().getSimpleName());
    if (outcome instanceof Outcome.Locked) {
      outboxTrigger.run();
    }
    return outcome;
  }

  /** Sets {@code pin} as the user's code (it replaces an authenticator). The caller destroys the PIN. */
  void setPin(UserRef user, ChatRef chat, Secret pin) {
    String hash = PinHashes.hash(pin, random);
    transactor.inTransaction(
        stores -> {
          Instant now = clock.instant();
          StepUpState state = stores.stepUps().find(user).orElse(StepUpState.none(user, now));
          stores.stepUps().save(state.withPin(hash, now));
          stores.audit().record(new AuditEntry(now, user, AuditAction.STEP_UP_SET, "step-up: pin", Optional.of(chat)));
          return null;
        });
  }

  /**
   * Makes a new authenticator secret for the user, stored sealed and waiting for its first right
   * code; answers the {@code otpauth://} URI to show once, in private, to its owner.
   */
  String startTotp(UserRef user) {
    Secret secret = Totp.newSecret(random);
    try {
      SealedStepUpSecret sealed = vault.sealStepUpSecret(user, secret);
      transactor.inTransaction(
          stores -> {
            Instant now = clock.instant();
            StepUpState state = stores.stepUps().find(user).orElse(StepUpState.none(user, now));
            stores.stepUps().save(state.withPendingTotp(sealed, now));
            return null;
          });
      return Totp.otpauthUri(secret, ISSUER, user.platform() + ":" + user.userId());
    } finally {
      secret.destroy();
    }
  }

  /**
   * The first code of a waiting authenticator: right, it is in force (a PIN it replaces is gone);
   * wrong, it counts like any wrong code.
   */
  Outcome activateTotp(UserRef user, ChatRef chat, String code) {
    return transactor.inTransaction(
        stores -> {
          Instant now = clock.instant();
          StepUpState state = stores.stepUps().find(user).orElse(StepUpState.none(user, now));
          Optional<Instant> locked = state.lockedUntil().filter(now::isBefore);
          if (locked.isPresent()) {
            return new Outcome.Locked(locked.get());
          }
          if (state.totp().isEmpty() || state.totpActive()) {
            return new Outcome.NotSet();
          }
          OptionalLong step = totpStep(state, code, now);
          if (step.isEmpty()) {
            return wrong(stores, state, chat, "authenticator setup", now);
          }
          stores.stepUps().save(state.withTotpActive(step.getAsLong(), now));
          stores.audit().record(new AuditEntry(now, user, AuditAction.STEP_UP_SET, "step-up: authenticator", Optional.of(chat)));
          return new Outcome.Right();
        });
  }

  /** Turns the user's code off (the caller checked a right code first). */
  void remove(UserRef user, ChatRef chat) {
    transactor.inTransaction(
        stores -> {
          Instant now = clock.instant();
          stores.stepUps().find(user).ifPresent(state -> stores.stepUps().save(state.cleared(now)));
          stores.audit().record(new AuditEntry(now, user, AuditAction.STEP_UP_REMOVED, "step-up: off", Optional.of(chat)));
          return null;
        });
  }

  private Outcome right(Stores stores, StepUpState state, long step, Instant now) {
    stores.stepUps().save(state.afterRightCode(step, now));
    return new Outcome.Right();
  }

  private Outcome wrong(Stores stores, StepUpState state, ChatRef chat, String what, Instant now) {
    UserRef user = state.user();
    int failures = state.failures() + 1;
    stores.audit().record(new AuditEntry(now, user, AuditAction.STEP_UP_FAILED, subject("wrong code for " + what), Optional.of(chat)));
    if (failures < StepUpPolicy.MAX_WRONG_CODES) {
      stores.stepUps().save(state.afterWrongCode(Optional.empty(), now));
      return new Outcome.Wrong(StepUpPolicy.MAX_WRONG_CODES - failures);
    }
    Instant until = now.plus(StepUpPolicy.LOCK);
    stores.stepUps().save(state.afterWrongCode(Optional.of(until), now));
    stores.audit().record(new AuditEntry(now, user, AuditAction.STEP_UP_LOCKED, subject("locked until " + until), Optional.of(chat)));
    for (UserRef admin : admins) {
      stores.outbox().enqueue(
          new OutboxMessage(
              "step-up-lock:" + user.platform() + ":" + user.userId() + ":" + until.getEpochSecond() + ":" + admin.platform() + ":"
                  + admin.userId(),
              new ChatRef(admin.platform(), admin.userId()),
              StepUpReplies.adminLockNotice(user, StepUpPolicy.MAX_WRONG_CODES, until)));
    }
    LOG.warn("{} gave {} wrong step-up codes in a row: guarded actions locked until {}", user, failures, until);
    return new Outcome.Locked(until);
  }

  private OptionalLong totpStep(StepUpState state, String code, Instant now) {
    Secret secret = vault.openStepUpSecret(state.user(), state.totp().orElseThrow());
    try {
      return Totp.matchingStep(secret, code, now);
    } finally {
      secret.destroy();
    }
  }

  private static OptionalLong pinMatches(StepUpState state, String code) {
    Secret pin = Secret.of(code);
    try {
      return PinHashes.verify(pin, state.pinHash().orElseThrow()) ? OptionalLong.of(-1) : OptionalLong.empty();
    } finally {
      pin.destroy();
    }
  }

  private static String subject(String text) {
    String subject = "step-up: " + text;
    return subject.length() <= 200 ? subject : subject.substring(0, 200);
  }
}
