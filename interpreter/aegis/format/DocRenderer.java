package aegis.format;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Lays a {@link Doc} out in a page width: each group is flat when it and what follows it up to the
 * next possible line break fit on the line, otherwise broken (the algorithm of Wadler's "prettier
 * printer" as refined by the JavaScript tool Prettier). Indentation is written lazily, so no line
 * ends in spaces and empty lines stay empty.
 */
final class DocRenderer {
  private static final int INDENT = 2;

  private enum Mode { FLAT, BREAK }

  private record Cmd(int indent, Mode mode, Doc doc) {}

  private final int width;
  private final StringBuilder out = new StringBuilder();
  private final List<String> lineSuffixes = new ArrayList<>();
  /** Column of the next character, counting pending indentation. */
  private int column;
  /** Spaces owed at the start of the current line, written only if text follows. */
  private int pendingIndent;
  /** The current line ends in a line comment. */
  private boolean lineComment;
  /** After a line comment written inline (a doc comment amid code): the indentation the code goes on at; else -1. */
  private int owedLineIndent = -1;

  private DocRenderer(int width) { this.width = width; }

  static String render(Doc doc, int width) {
    var r = new DocRenderer(width);
    r.run(doc);
    return r.out.toString();
  }

  private void run(Doc root) {
    Deque<Cmd> stack = new ArrayDeque<>();
    stack.push(new Cmd(0, Mode.BREAK, root));
    while (!stack.isEmpty()) {
      var cmd = stack.pop();
      switch (cmd.doc()) {
        case Doc.Text t -> write(t.text());
        case Doc.Verbatim v -> {
          if (v.ownLine() && !atLineStart()) {
            breakLine(cmd.indent(), false, cmd.indent());
          } else if (!v.ownLine() && owedLineIndent >= 0) {
            // The line already ends in a line comment: this one waits for the break.
            lineSuffixes.add(v.text());
            continue;
          }
          writeVerbatim(v.text());
          if (lineComment) owedLineIndent = cmd.indent();
        }
        case Doc.Concat c -> {
          for (int i = c.parts().size() - 1; i >= 0; i--) stack.push(new Cmd(cmd.indent(), cmd.mode(), c.parts().get(i)));
        }
        case Doc.Indent in -> stack.push(new Cmd(cmd.indent() + INDENT, cmd.mode(), in.body()));
        case Doc.Flat f -> stack.push(new Cmd(cmd.indent(), Mode.FLAT, f.body()));
        case Doc.Group g -> {
          Mode mode;
          if (cmd.mode() == Mode.FLAT && !g.hard()) mode = Mode.FLAT;
          else if (g.hard()) mode = Mode.BREAK;
          else mode = fits(new Cmd(cmd.indent(), Mode.FLAT, g.body()), stack, width - column) ? Mode.FLAT : Mode.BREAK;
          stack.push(new Cmd(cmd.indent(), mode, g.body()));
        }
        case Doc.IfBreak ib -> stack.push(new Cmd(cmd.indent(), cmd.mode(), cmd.mode() == Mode.BREAK ? ib.broken() : ib.flat()));
        case Doc.LineSuffix s -> lineSuffixes.add(s.text());
        case Doc.BreakParent b -> { }
        case Doc.StringNewline n -> {
          out.append('\n');
          pendingIndent = cmd.indent();
          column = cmd.indent();
        }
        case Doc.Line l -> {
          if (cmd.mode() == Mode.FLAT && !l.hard()) {
            write(l.flat());
          } else {
            breakLine(cmd.indent(), l.blank(), l.closing() ? cmd.indent() + INDENT : cmd.indent());
          }
        }
      }
    }
    if (!lineSuffixes.isEmpty()) breakLine(0, false, 0);
  }

  /**
   * Ends the line, first writing the comments owed to it. Only one line comment fits at the end of a
   * line (what follows it would become part of it), so the comments after one (or after a comment
   * of several lines) go on lines of their own after the break, {@code ownIndent} deep: where they
   * would stand as comments above the next line (or, before a closing bracket, inside it).
   */
  private void breakLine(int indent, boolean blank, int ownIndent) {
    int i = 0;
    for (; i < lineSuffixes.size() && !lineComment; i++) {
      if (i > 0 && lineSuffixes.get(i - 1).indexOf('\n') >= 0) break;
      if (!atLineStart()) write(" ");
      writeVerbatim(lineSuffixes.get(i));
    }
    var rest = List.copyOf(lineSuffixes.subList(i, lineSuffixes.size()));
    lineSuffixes.clear();
    newline(rest.isEmpty() ? indent : ownIndent, blank);
    for (int j = 0; j < rest.size(); j++) {
      writeVerbatim(rest.get(j));
      newline(j == rest.size() - 1 ? indent : ownIndent, false);
    }
  }

  /** Nothing but indentation (not yet written) on the current line. */
  private boolean atLineStart() { return out.isEmpty() || out.charAt(out.length() - 1) == '\n'; }

  private void write(String s) {
    if (s.isEmpty()) return;
    if (owedLineIndent >= 0) {
      if (s.isBlank()) return;
      breakLine(owedLineIndent, false, owedLineIndent);
    }
    if (pendingIndent > 0) {
      out.repeat(' ', pendingIndent);
      pendingIndent = 0;
    }
    out.append(s);
    column += s.codePointCount(0, s.length());
  }

  /** Writes a comment; after a line comment nothing more may go on the line. */
  private void writeVerbatim(String s) {
    int nl = s.lastIndexOf('\n');
    write(s);
    if (nl >= 0) column = s.codePointCount(nl + 1, s.length());
    if (s.startsWith("//")) lineComment = true;
  }

  private void newline(int indent, boolean blank) {
    int end = out.length();
    while (end > 0 && out.charAt(end - 1) == ' ') end--;
    out.setLength(end);
    out.append('\n');
    if (blank) out.append('\n');
    pendingIndent = indent;
    column = indent;
    lineComment = false;
    owedLineIndent = -1;
  }

  /**
   * The room a comment owed to the end of the line takes there. A block comment counts (it may
   * stand inline, or end the line); a line comment does not (it may run past the width rather than
   * break the code before it), and neither does anything after it or after a comment of several
   * lines (they go on lines of their own).
   */
  private static final class SuffixRoom {
    private boolean closed;

    int take(String comment) {
      if (closed) return 0;
      int nl = comment.indexOf('\n');
      closed = !comment.startsWith("/*") || nl >= 0;
      return comment.startsWith("/*") ? 1 + comment.codePointCount(0, nl < 0 ? comment.length() : nl) : 0;
    }
  }

  /**
   * Whether {@code next} fits flat in {@code remaining} columns, together with what follows it on
   * the stack up to its first line break (what follows keeps its own mode) and the comments owed to
   * the line.
   */
  private boolean fits(Cmd next, Deque<Cmd> rest, int remaining) {
    var room = new SuffixRoom();
    for (var s : lineSuffixes) remaining -= room.take(s);
    var cmds = new ArrayDeque<Cmd>();
    cmds.push(next);
    var restIt = rest.iterator();
    while (remaining >= 0) {
      if (cmds.isEmpty()) {
        if (!restIt.hasNext()) return true;
        cmds.push(restIt.next());
        continue;
      }
      var cmd = cmds.pop();
      switch (cmd.doc()) {
        case Doc.Text t -> remaining -= t.text().codePointCount(0, t.text().length());
        case Doc.Verbatim v -> {
          if (v.ownLine()) return true;
          int nl = v.text().indexOf('\n');
          if (nl >= 0) return remaining - v.text().codePointCount(0, nl) >= 0;
          remaining -= v.text().codePointCount(0, v.text().length());
        }
        case Doc.Concat c -> {
          for (int i = c.parts().size() - 1; i >= 0; i--) cmds.push(new Cmd(cmd.indent(), cmd.mode(), c.parts().get(i)));
        }
        case Doc.Indent in -> cmds.push(new Cmd(cmd.indent(), cmd.mode(), in.body()));
        case Doc.Flat f -> cmds.push(new Cmd(cmd.indent(), Mode.FLAT, f.body()));
        case Doc.Group g -> cmds.push(new Cmd(cmd.indent(), g.hard() ? Mode.BREAK : cmd.mode(), g.body()));
        case Doc.IfBreak ib -> cmds.push(new Cmd(cmd.indent(), cmd.mode(), cmd.mode() == Mode.BREAK ? ib.broken() : ib.flat()));
        case Doc.LineSuffix s -> remaining -= room.take(s.text());
        case Doc.BreakParent b -> { }
        case Doc.StringNewline n -> { return true; }
        case Doc.Line l -> {
          if (cmd.mode() == Mode.BREAK || l.hard()) return true;
          remaining -= l.flat().length();
        }
      }
    }
    return false;
  }
}
