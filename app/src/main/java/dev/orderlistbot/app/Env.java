package dev.orderlistbot.app;

import dev.orderlistbot.core.domain.Secret;
import dev.orderlistbot.core.domain.UserRef;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads typed values out of a map of environment variables, collecting every problem (each naming
 * its variable) instead of stopping at the first, so a misconfigured bot reports all of them at
 * once. Secrets come from {@code NAME} or from the file named by {@code NAME_FILE}, never both.
 */
final class Env {
  private final Map<String, String> env;
  private final List<String> problems = new ArrayList<>();

  Env(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  List<String> problems() {
    return List.copyOf(problems);
  }

  void problem(String variable, String what) {
    problems.add(variable + ": " + what);
  }

  /** A problem whose text already starts with its variable's name. */
  void problemNamed(String problem) {
    problems.add(problem);
  }

  /** The trimmed value, or empty when unset or blank. */
  Optional<String> text(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  String text(String name, String fallback) {
    return text(name).orElse(fallback);
  }

  int integer(String name, int fallback, int min, int max) {
    Optional<String> text = text(name);
    if (text.isEmpty()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text.get());
      if (value < min || value > max) {
        problem(name, "must be between " + min + " and " + max + ", was " + value);
        return fallback;
      }
      return value;
    } catch (NumberFormatException e) {
      problem(name, "not a whole number: '" + text.get() + "'");
      return fallback;
    }
  }

  /** One of {@code choices} (case-insensitive), or {@code fallback} when unset. */
  <E extends Enum<E>> E choice(String name, Class<E> type, E fallback) {
    Optional<String> text = text(name);
    if (text.isEmpty()) {
      return fallback;
    }
    for (E value : type.getEnumConstants()) {
      if (value.name().equalsIgnoreCase(text.get())) {
        return value;
      }
    }
    List<String> names = new ArrayList<>();
    for (E value : type.getEnumConstants()) {
      names.add(value.name().toLowerCase(Locale.ROOT));
    }
    problem(name, "must be one of " + String.join(", ", names) + ", was '" + text.get() + "'");
    return fallback;
  }

  /** An absolute URI with one of the given schemes, e.g. {@code https}. */
  Optional<URI> uri(String name, String... schemes) {
    Optional<String> text = text(name);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(text.get());
      if (uri.getScheme() == null || uri.getHost() == null || !List.of(schemes).contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
        problem(name, "must be an absolute " + String.join(" or ", schemes) + " URL, was '" + text.get() + "'");
        return Optional.empty();
      }
      return Optional.of(uri);
    } catch (URISyntaxException e) {
      problem(name, "not a URL: '" + text.get() + "'");
      return Optional.empty();
    }
  }

  Optional<Path> path(String name) {
    Optional<String> text = text(name);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Path.of(text.get()));
    } catch (InvalidPathException e) {
      problem(name, "not a valid path");
      return Optional.empty();
    }
  }

  /** Users written {@code platform:id}, comma-separated, e.g. {@code telegram:123,discord:456}. */
  Set<UserRef> users(String name) {
    Set<UserRef> users = new LinkedHashSet<>();
    for (String item : text(name, "").split(",", -1)) {
      String entry = item.strip();
      if (entry.isEmpty()) {
        continue;
      }
      int colon = entry.indexOf(':');
      try {
        if (colon < 1) {
          throw new IllegalArgumentException("no platform");
        }
        users.add(new UserRef(entry.substring(0, colon).toLowerCase(Locale.ROOT), entry.substring(colon + 1)));
      } catch (IllegalArgumentException e) {
        problem(name, "'" + entry + "' is not platform:id (e.g. telegram:123456789)");
      }
    }
    return Set.copyOf(users);
  }

  /**
   * A secret from {@code NAME}, or from the file {@code NAME_FILE} names (less one trailing line
   * break); empty when neither is set or the file is empty, so one compose file can declare every
   * token as a Docker secret and an operator turns a platform off by leaving its file empty. Never
   * quotes the value in a problem.
   */
  Optional<Secret> secret(String name) {
    String inline = env.get(name);
    Optional<String> file = text(name + "_FILE");
    boolean hasInline = inline != null && !inline.isEmpty();
    if (hasInline && file.isPresent()) {
      problem(name, "set only one of " + name + " and " + name + "_FILE");
      return Optional.empty();
    }
    if (file.isEmpty()) {
      return hasInline ? Optional.of(Secret.of(inline.strip())) : Optional.empty();
    }
    try {
      String content = Files.readString(Path.of(file.get()), StandardCharsets.UTF_8).replaceAll("[\\r\\n]+$", "");
      return content.isBlank() ? Optional.empty() : Optional.of(Secret.of(content));
    } catch (IOException | InvalidPathException e) {
      problem(name + "_FILE", "cannot read " + file.get() + " (" + e.getClass().getSimpleName() + ")");
      return Optional.empty();
    }
  }
}
