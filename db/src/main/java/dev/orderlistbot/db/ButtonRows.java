package dev.orderlistbot.db;

import dev.orderlistbot.core.chat.Button;
import java.util.ArrayList;
import java.util.List;

/**
 * The text form of an outbox message's buttons (column {@code buttons}): one row a line, the
 * buttons of a row separated by a tab, each {@code <token> <label>}. A token never holds a space
 * and an outbox label holds no line break or tab (see {@code OutboxMessage}), so the form is
 * unambiguous. No buttons is SQL NULL. Stateless.
 */
final class ButtonRows {
  private ButtonRows() {}

  /** The column's value, or null for no buttons. */
  static String encode(List<List<Button>> rows) {
    if (rows.isEmpty()) {
      return null;
    }
    List<String> lines = new ArrayList<>();
    for (List<Button> row : rows) {
      lines.add(String.join("\t", row.stream().map(b -> b.token() + " " + b.label()).toList()));
    }
    return String.join("\n", lines);
  }

  /** The rows of a column value; none for null. */
  static List<List<Button>> decode(String column) {
    if (column == null || column.isEmpty()) {
      return List.of();
    }
    List<List<Button>> rows = new ArrayList<>();
    for (String line : column.split("\n", -1)) {
      List<Button> row = new ArrayList<>();
      for (String cell : line.split("\t", -1)) {
        int space = cell.indexOf(' ');
        if (space < 1) {
          throw new IllegalArgumentException("a stored button is \"<token> <label>\"");
        }
        row.add(new Button(cell.substring(space + 1), cell.substring(0, space)));
      }
      rows.add(List.copyOf(row));
    }
    return List.copyOf(rows);
  }
}
