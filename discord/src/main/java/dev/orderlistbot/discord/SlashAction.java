package dev.orderlistbot.discord;

/** What the adapter does with one slash command, decided before anything is acknowledged. */
sealed interface SlashAction {

  /** Hand this chat line to core, as if the trader had typed it. */
  record Forward(String line) implements SlashAction {}

  /** Answer with the key modal ({@code /setkey}): a modal must be the first response. */
  record OpenKeyModal() implements SlashAction {}

  /** Answer at once, privately, without asking core (e.g. a missing Discord permission). */
  record Refuse(String text) implements SlashAction {}
}
