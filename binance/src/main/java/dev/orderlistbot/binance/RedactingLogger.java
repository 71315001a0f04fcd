package dev.orderlistbot.binance;

import feign.Request;
import feign.Response;
import feign.slf4j.Slf4jLogger;
import java.io.IOException;
import java.net.URI;

/**
 * Feign's SLF4J logger (DEBUG, logger {@code dev.orderlistbot.binance.http}) reduced to
 * what is safe for signed calls: method, path, status and time. The query string (timestamp,
 * signature, client ids), the body and the headers ({@code X-MBX-APIKEY}) are never logged, nor
 * are exception messages, which Feign fills with the full signed URL.
 */
final class RedactingLogger extends Slf4jLogger {

  RedactingLogger() {
    super("dev.orderlistbot.binance.http");
  }

  @Override
  protected void logRequest(String configKey, Level logLevel, Request request) {
    log(configKey, "---> %s %s", request.httpMethod(), pathOf(request.url()));
  }

  @Override
  protected Response logAndRebufferResponse(String configKey, Level logLevel, Response response, long elapsedTime) {
    log(configKey, "<--- HTTP %s (%sms)", response.status(), elapsedTime);
    return response;
  }

  @Override
  protected IOException logIOException(String configKey, Level logLevel, IOException ioe, long elapsedTime) {
    log(configKey, "<--- ERROR %s (%sms)", ioe.getClass().getSimpleName(), elapsedTime);
    return ioe;
  }

  @Override
  protected void logRetry(String configKey, Level logLevel) {
    log(configKey, "---> RETRYING");
  }

  private static String pathOf(String url) {
    try {
      return URI.create(url).getRawPath();
    } catch (IllegalArgumentException e) {
      return "(unparseable URL)";
    }
  }
}
