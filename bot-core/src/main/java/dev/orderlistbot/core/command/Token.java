package dev.orderlistbot.core.command;

/** One word of the line, with where it sits in the original text ({@code end} exclusive). */
record Token(String text, int start, int end) {}
