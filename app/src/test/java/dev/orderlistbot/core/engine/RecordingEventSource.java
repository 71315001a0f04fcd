package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.port.out.OrderEventSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Records which users' order events the engine started and stopped. */
final class RecordingEventSource implements OrderEventSource {
  final List<String> watched = Collections.synchronizedList(new ArrayList<>());
  final List<UserRef> unwatched = Collections.synchronizedList(new ArrayList<>());

  @Override
  public void watch(UserRef user, ApiCredentials credentials) {
    watched.add(user + " " + credentials.apiKey());
  }

  final List<UserRef> caughtUp = Collections.synchronizedList(new ArrayList<>());
  /** Whether this source can catch a user up (the paper exchange cannot: it keeps no history). */
  volatile boolean looksBack = true;

  @Override
  public void unwatch(UserRef user) {
    unwatched.add(user);
  }

  @Override
  public boolean catchUp(UserRef user, ApiCredentials credentials) {
    if (!looksBack) {
      return false;
    }
    caughtUp.add(user);
    return true;
  }
}
