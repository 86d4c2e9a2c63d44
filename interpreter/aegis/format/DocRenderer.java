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
        case Doc.Verbatim v -> writeVerbatim(v.text());
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
          } else if (!lineSuffixes.isEmpty()) {
            // Comments owed to this line go first; then the break itself.
            stack.push(cmd);
            for (int i = lineSuffixes.size() - 1; i >= 0; i--) stack.push(new Cmd(cmd.indent(), cmd.mode(), new Doc.Text(lineSuffixes.get(i))));
            lineSuffixes.clear();
          } else {
            newline(cmd.indent(), l.blank());
          }
        }
      }
    }
    for (var s : lineSuffixes) write(s);
    lineSuffixes.clear();
  }

  private void write(String s) {
    if (s.isEmpty()) return;
    if (pendingIndent > 0) {
      out.repeat(' ', pendingIndent);
      pendingIndent = 0;
    }
    out.append(s);
    column += s.codePointCount(0, s.length());
  }

  private void writeVerbatim(String s) {
    int nl = s.lastIndexOf('\n');
    write(s);
    if (nl >= 0) column = s.codePointCount(nl + 1, s.length());
  }

  private void newline(int indent, boolean blank) {
    int end = out.length();
    while (end > 0 && out.charAt(end - 1) == ' ') end--;
    out.setLength(end);
    out.append('\n');
    if (blank) out.append('\n');
    pendingIndent = indent;
    column = indent;
  }

  /**
   * Whether {@code next} fits flat in {@code remaining} columns, together with what follows it on
   * the stack up to its first line break (what follows keeps its own mode).
   */
  private static boolean fits(Cmd next, Deque<Cmd> rest, int remaining) {
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
        case Doc.LineSuffix s -> { }
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
