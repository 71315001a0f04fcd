package dev.orderlistbot.discord;

/**
 * The few sentences the adapter says itself, without core: a Discord permission refusal and the
 * answer when core failed unexpectedly. Everything else the user reads comes from core.
 */
final class DiscordTexts {
  /** The modal's title and field labels (Discord: title at most 45 characters, labels at most 45). */
  static final String KEY_MODAL_TITLE = "Store your Binance API key";

  static final String KEY_MODAL_API_KEY = "API key";
  static final String KEY_MODAL_SECRET = "Secret key, or PEM private key";
  static final String KEY_MODAL_SECRET_HINT =
      "Leave empty if the key pair came from /keygen. Only you and the bot see this.";

  /** The step-up code form (title and label at most 45 characters). */
  static final String CODE_MODAL_TITLE = "Your step-up code";

  static final String CODE_MODAL_LABEL = "6-digit PIN or authenticator code";
  static final String CODE_MODAL_HINT = "Only you and the bot see this.";

  private DiscordTexts() {}

  static String alertsNeedManageChannels() {
    return "Only members with the Manage Channels permission can turn order alerts on in this channel. "
        + "Anyone can turn their own alerts off with /alerts off; /alerts without a mode shows the setting.";
  }

  static String unknownForm() {
    return "That form is no longer in use. Run the command again.";
  }

  /** Never the exception's text: only a reference that matches the log line. */
  static String somethingWentWrong(String reference) {
    return "Something went wrong (ref " + reference + "). Please try again.";
  }
}
