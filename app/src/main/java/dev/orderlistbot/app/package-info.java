/**
 * The application: {@link dev.orderlistbot.app.Main} (the command line), {@link
 * dev.orderlistbot.app.AppConfig} (every environment variable, read once) and {@link
 * dev.orderlistbot.app.Assembly} (which builds the storage and the key vault, and is where later
 * issues plug in the bot). The only package that reads the process environment, and only in {@code
 * Main.main}.
 */
package dev.orderlistbot.app;
