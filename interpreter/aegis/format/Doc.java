package aegis.format;

import java.util.ArrayList;
import java.util.List;

/**
 * A layout document in the style of Wadler's "prettier printer": text, line breaks that a
 * {@link Group} may lay out flat or broken, indentation, and comments deferred to the end of the
 * line. {@link DocRenderer} chooses, group by group from the outside in, the flat form when it fits
 * in the page width. Each node knows whether it holds a break that cannot be flat ({@link #hard()}),
 * so that a comment on its own line breaks every group around it.
 */
sealed interface Doc {
  /** True when the document holds a forced line break: no group around it may be flat. */
  boolean hard();

  /** Literal text without line breaks. */
  record Text(String text) implements Doc {
    public boolean hard() { return false; }
  }

  /**
   * A comment, kept exactly as written (a block comment may span lines; it is not re-indented).
   * {@code ownLine}: it starts a line of its own, after a line break if the line already holds code.
   * A line comment ends its line: whatever follows goes on the next one.
   */
  record Verbatim(String text, boolean ownLine) implements Doc {
    public boolean hard() { return ownLine || text.startsWith("//") || text.indexOf('\n') >= 0; }
  }

  /**
   * A possible line break. Flat, it prints {@code flat}; broken, a newline and the indentation
   * ({@code blank}: an empty line first). {@code hard} breaks always. {@code closing}: the break
   * before a closing bracket, so comments that land on it belong one level deeper, inside.
   */
  record Line(String flat, boolean hard, boolean blank, boolean closing) implements Doc {}

  /**
   * A line break inside a multi-line string: always a newline, then the current indentation, but it
   * neither trims the line nor flushes pending comments (both would change the string).
   */
  record StringNewline() implements Doc {
    public boolean hard() { return false; }
  }

  record Concat(List<Doc> parts, boolean hard) implements Doc {}

  /** Its content is indented one more level (two spaces) after each line break. */
  record Indent(Doc body) implements Doc {
    public boolean hard() { return body.hard(); }
  }

  /** The unit of choice: flat when it fits and holds no forced break, otherwise broken. */
  record Group(Doc body) implements Doc {
    public boolean hard() { return body.hard(); }
  }

  /** {@code broken} when the enclosing group is broken, else {@code flat}. */
  record IfBreak(Doc broken, Doc flat) implements Doc {
    public boolean hard() { return false; }
  }

  /** Always laid out flat (string interpolations); forced breaks inside still break. */
  record Flat(Doc body) implements Doc {
    public boolean hard() { return body.hard(); }
  }

  /** A comment printed just before the next line break, after a space: a trailing {@code //} comment. */
  record LineSuffix(String text) implements Doc {
    public boolean hard() { return false; }
  }

  /** Breaks the enclosing groups: a line comment after a list item keeps the list one item per line. */
  record BreakParent() implements Doc {
    public boolean hard() { return true; }
  }

  Doc EMPTY = new Concat(List.of(), false);

  static Doc text(String s) { return s.isEmpty() ? EMPTY : new Text(s); }

  /** A space when flat. */
  static Doc line() { return new Line(" ", false, false, false); }

  /** Nothing when flat. */
  static Doc softline() { return new Line("", false, false, false); }

  static Doc hardline() { return new Line("", true, false, false); }

  /** An empty line, then the next one. */
  static Doc blankline() { return new Line("", true, true, false); }

  /** An empty line when broken, {@code " "} when flat. */
  static Doc lineOrBlank() { return new Line(" ", false, true, false); }

  /** The break before a closing bracket: {@code flat} when flat. */
  static Doc closingLine(String flat, boolean hard) { return new Line(flat, hard, false, true); }

  static Doc concat(Doc... parts) { return concat(List.of(parts)); }

  static Doc concat(List<Doc> parts) {
    var flat = new ArrayList<Doc>(parts.size());
    boolean hard = false;
    for (var p : parts) {
      if (p instanceof Concat c) flat.addAll(c.parts());
      else flat.add(p);
      hard |= p.hard();
    }
    return flat.size() == 1 ? flat.getFirst() : new Concat(List.copyOf(flat), hard);
  }

  static Doc group(Doc... parts) { return new Group(concat(parts)); }

  static Doc indent(Doc... parts) { return new Indent(concat(parts)); }
}
