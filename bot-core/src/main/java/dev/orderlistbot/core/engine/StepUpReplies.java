package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.UserRef;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every sentence of the step-up codes ({@code /2fa}, the code questions and their answers). None
 * ever holds a PIN, a code or a secret; the one exception is {@link #totpCreated}, the authenticator
 * URI shown once to its owner in private.
 */
final class StepUpReplies {
  static final String ENTER_CODE = "Enter code";

  private StepUpReplies() {}

  static String askCode(String what) {
    return "🔐 Send your step-up code (your 6-digit PIN or your authenticator's code) to confirm " + what
        + ". Send it as a message here (I delete it at once), or press Enter code.";
  }

  static String askedInPrivate() {
    return "🔐 I asked for your step-up code in our private chat.";
  }

  static String askNewPin(Duration within) {
    return "Send the 6-digit PIN you want as your next message here, or press Enter code (within "
        + Replies.minutes(within) + "). I delete it at once and keep only a slow salted hash of it.";
  }

  static String pinNotSixDigits(boolean deleted) {
    return (deleted ? "I deleted your message. " : Replies.deleteItYourself() + "\n")
        + "A PIN is exactly 6 digits, e.g. 480315 (not your birthday). Send it again.";
  }

  static String pinSet(boolean deleted) {
    return "✅ Your step-up PIN is set. " + (deleted ? "I deleted your message." : Replies.deleteItYourself())
        + "\nThe bot now asks for it where the operator requires a code. Send /2fa off to turn it off.";
  }

  static String totpCreated(String otpauthUri, Duration within) {
    return "Add this key to your authenticator app (Google Authenticator, Aegis, 1Password…): open or paste the link"
        + " below. I show it only this once, so delete this message when done.\n" + otpauthUri
        + "\nThen send the 6-digit code the app shows (within " + Replies.minutes(within) + "): it turns the"
        + " authenticator on.";
  }

  static String totpOn(boolean linkDeleted) {
    return "✅ Your authenticator is on: the bot now asks for its code where the operator requires one. "
        + (linkDeleted
            ? "I deleted the message with the link."
            : "I could not delete the message with the link: please delete it yourself, it holds the key of your codes.");
  }

  static String codeRight() {
    return "✅ Code accepted.";
  }

  static String wrongCode(int attemptsLeft) {
    return "❌ That code is wrong. " + attemptsLeft + " attempt(s) left before your live actions are locked for "
        + Replies.minutes(StepUpPolicy.LOCK) + ". Send the code again.";
  }

  static String replayed() {
    return "That code was already used. Wait for your authenticator's next code (a new one every 30 seconds) and"
        + " send that one.";
  }

  static String locked(Instant until) {
    return "🔒 Too many wrong step-up codes: your live actions are locked until " + Figures.time(until)
        + ". Try again after that; if those codes were not yours, tell the bot's operator.";
  }

  static String noCodeSet() {
    return "You have no step-up code set. Send /2fa pin (a 6-digit PIN) or /2fa totp (an authenticator app) in a"
        + " private chat with me.";
  }

  static String codeNeededButNoneSet(String what) {
    return "🔐 The operator requires a step-up code to " + what + ", and you have none yet, so nothing was done."
        + " Set one in a private chat with me: /2fa pin (a 6-digit PIN) or /2fa totp (an authenticator app).";
  }

  static String tooLate(boolean deleted) {
    return (deleted ? "I deleted your message. " : Replies.deleteItYourself() + "\n")
        + "That came too late: the question expired, so nothing was done. Start again (press Confirm on a new"
        + " preview, or send the command again).";
  }

  static String strayCode(boolean deleted) {
    return (deleted ? "I deleted your message: " : Replies.deleteItYourself() + "\n")
        + "it looked like a step-up code, and I was not waiting for one (the question expired or was answered)."
        + " Start again: press Confirm on a new preview, or send the command again.";
  }

  static String notSixDigits() {
    return "A step-up code is 6 digits, e.g. 480315. Press the button again and type it.";
  }

  static String noQuestion() {
    return "I am not waiting for a code from you (the question expired or was replaced). Start again.";
  }

  static String typeTheCode() {
    return "Type your 6-digit code as a message in this private chat: I delete it at once.";
  }

  static String privateOnly() {
    return "For your safety, /2fa works only in a private chat with me: a PIN or a code must never be typed in a group.";
  }

  static String alreadySet() {
    return "You already have a step-up code. To change it, send /2fa off (it asks for your current code), then set"
        + " the new one.";
  }

  static String removed() {
    return "✅ Your step-up code is off. Where the operator requires a code, live actions are refused until you set"
        + " one again with /2fa pin or /2fa totp.";
  }

  static String nothingToRemove() {
    return "You have no step-up code to turn off.";
  }

  /** {@code /2fa} alone. */
  static String status(String method, Optional<Instant> lockedUntil, StepUpPolicy policy, boolean live) {
    List<String> lines = new ArrayList<>();
    lines.add("Step-up code: " + method + ".");
    lockedUntil.ifPresent(until -> lines.add("🔒 Locked after too many wrong codes until " + Figures.time(until) + "."));
    lines.add(required(policy, live));
    lines.add("/2fa pin sets a 6-digit PIN, /2fa totp an authenticator app, /2fa off turns it off (with a code).");
    return String.join("\n", lines);
  }

  static String methodPin() {
    return "a 6-digit PIN";
  }

  static String methodTotp() {
    return "an authenticator app";
  }

  static String methodTotpWaiting() {
    return "none yet (an authenticator waits for its first code)";
  }

  static String methodNone() {
    return "none";
  }

  private static String required(StepUpPolicy policy, boolean live) {
    List<String> needs = new ArrayList<>();
    policy.placementsAboveUsdt().map(BigDecimal::toPlainString).ifPresent(n -> needs.add("placements above " + n + " USDT"));
    if (policy.panicClose()) {
      needs.add("/panic close");
    }
    if (policy.keyChanges()) {
      needs.add("key changes");
    }
    if (policy.limitRaises()) {
      needs.add("raising your limits");
    }
    if (!live || needs.isEmpty()) {
      return "The operator requires no code here" + (live ? "." : " (codes are asked on live trading only).");
    }
    return "The operator requires a code for: " + String.join(", ", needs) + ".";
  }

  /** To each admin, when a user is locked. */
  static String adminLockNotice(UserRef user, int wrongCodes, Instant until) {
    return "🔒 Admin notice: " + user.platform() + " user " + user.userId() + " gave " + wrongCodes
        + " wrong step-up codes in a row. Their live actions are locked until " + Figures.time(until)
        + ". If it was not them, their chat account may be in someone else's hands.";
  }

  // ---- what a code confirms ----

  static String placing(String summary) {
    return "placing " + summary;
  }

  static String panicClose() {
    return "/panic close";
  }

  static String limitRaise() {
    return "raising your own limits";
  }

  static String keyChange() {
    return "changing your API keys";
  }

  static String turningOff() {
    return "turning your step-up code off";
  }

  static String changingCode() {
    return "changing your step-up code";
  }
}
