package dev.orderlistbot.telegram;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Keeps the bot token out of what OkHttp hands back: I/O failures are rethrown with scrubbed
 * messages, and an error answer (a proxy's page may quote the request path) gets a scrubbed body and
 * status line. Successful answers pass untouched.
 */
final class RedactingInterceptor implements Interceptor {
  private final Redactor redactor;

  RedactingInterceptor(Redactor redactor) {
    this.redactor = redactor;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response;
    try {
      response = chain.proceed(chain.request());
    } catch (IOException e) {
      throw redactor.scrub(e);
    }
    if (response.isSuccessful()) {
      return response;
    }
    ResponseBody body = response.body();
    String text;
    try {
      text = body.string();
    } catch (IOException e) {
      throw redactor.scrub(e);
    }
    return response
        .newBuilder()
        .message(redactor.scrub(response.message()))
        .body(ResponseBody.create(redactor.scrub(text), body.contentType()))
        .build();
  }
}
