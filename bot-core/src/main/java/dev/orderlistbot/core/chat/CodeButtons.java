package dev.orderlistbot.core.chat;

/**
 * The buttons whose press is answered with a step-up code: a Confirm that needs one ({@link
 * #CONFIRM}, then the confirmation's token) and the "Enter code" under the bot's question ({@link
 * #ENTER}, then the question's id). A platform that takes no private text (Discord) answers such a
 * press with a form for the code and hands core a {@link ChatEvent.CodeEntered} carrying the same
 * token; elsewhere the press goes to core as any press, and the code comes as the next private line.
 */
public final class CodeButtons {
  public static final String CONFIRM = "sk:";
  public static final String ENTER = "sc:";

  private CodeButtons() {}

  /** Whether pressing a button with {@code token} asks for a step-up code. */
  public static boolean asksForCode(String token) {
    return token.startsWith(CONFIRM) || token.startsWith(ENTER);
  }
}
