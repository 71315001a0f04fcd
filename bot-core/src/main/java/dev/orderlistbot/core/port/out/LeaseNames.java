package dev.orderlistbot.core.port.out;

import java.util.Objects;
import java.util.regex.Pattern;

/** What a lease's name and its holder's id may be: 1 to 200 and 1 to 64 visible characters without spaces. */
public final class LeaseNames {
  private static final Pattern NAME = Pattern.compile("[\\x21-\\x7e]{1,200}");
  private static final Pattern HOLDER = Pattern.compile("[\\x21-\\x7e]{1,64}");

  private LeaseNames() {}

  public static String requireName(String name) {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("a lease name is 1 to 200 visible ASCII characters without spaces");
    }
    return name;
  }

  public static String requireHolder(String holder) {
    Objects.requireNonNull(holder, "holder");
    if (!HOLDER.matcher(holder).matches()) {
      throw new IllegalArgumentException("an instance id is 1 to 64 visible ASCII characters without spaces");
    }
    return holder;
  }
}
