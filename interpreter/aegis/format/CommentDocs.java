package aegis.format;

import static aegis.format.Doc.concat;
import static aegis.format.Doc.text;

import aegis.format.Attachments.Attached;
import aegis.format.Attachments.Placement;
import aegis.syntax.Comment;
import aegis.syntax.ast.Node;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Turns the comments attached to a node into layout, and keeps count: each comment must be printed
 * exactly once, which {@link Formatter} checks before it hands out any text.
 */
final class CommentDocs {
  private final Attachments attachments;
  private final SourceText source;
  private final Set<Comment> printed = Collections.newSetFromMap(new IdentityHashMap<>());
  private int prints;

  CommentDocs(Attachments attachments, SourceText source) {
    this.attachments = attachments;
    this.source = source;
  }

  /** How many comments were printed, and how many times in all (equal unless one was printed twice). */
  int distinctPrinted() { return printed.size(); }

  int totalPrints() { return prints; }

  /**
   * The comments on their own lines above a node that starts a line: each on its line, keeping one
   * empty line where the author left one. Call before {@link #wrap} for that node.
   */
  Doc leadingLines(Node node) {
    var own = attachments.of(node, Placement.OWN_LINE_BEFORE);
    if (own.isEmpty()) return Doc.EMPTY;
    var parts = new ArrayList<Doc>();
    int after = startOfLine(node);
    for (int i = 0; i < own.size(); i++) {
      var c = own.get(i);
      int next = i + 1 < own.size() ? own.get(i + 1).comment().span().start() : after;
      parts.add(verbatim(c, true));
      parts.add(source.blankLineBefore(next) ? Doc.blankline() : Doc.hardline());
    }
    return concat(parts);
  }

  /**
   * Where the line of a node starts in the source: at its first inline comment, or at the node.
   * Blank lines are measured before this offset.
   */
  int startOfLine(Node node) {
    int start = node.span().start();
    for (var c : attachments.of(node, Placement.BEFORE)) start = Math.min(start, c.comment().span().start());
    return start;
  }

  /** Where a node's leading comments start, or the node itself when it has none. */
  int firstOffset(Node node) {
    int start = startOfLine(node);
    for (var c : attachments.of(node, Placement.OWN_LINE_BEFORE)) start = Math.min(start, c.comment().span().start());
    return start;
  }

  /**
   * A node's doc with its comments: inline block comments before and after it, and those that end
   * its line. Own-line comments not already printed by {@link #leadingLines} (the node does not
   * start a line of its own) still get their own line, breaking the line they interrupt.
   */
  Doc wrap(Node node, Doc doc) {
    var before = before(node);
    var after = after(node);
    return before == Doc.EMPTY && after == Doc.EMPTY ? doc : concat(before, doc, after);
  }

  /** The comments {@link #wrap} puts before a node, in source order. */
  Doc before(Node node) {
    var parts = new ArrayList<Doc>();
    for (var c : attachments.of(node)) {
      switch (c.placement()) {
        case OWN_LINE_BEFORE -> {
          if (printed.contains(c.comment())) continue;
          parts.add(verbatim(c, true));
          parts.add(Doc.hardline());
        }
        case END_OF_LINE_BEFORE -> parts.add(suffix(c));
        case BEFORE -> {
          parts.add(verbatim(c, false));
          parts.add(text(" "));
        }
        default -> { }
      }
    }
    return parts.isEmpty() ? Doc.EMPTY : concat(parts);
  }

  /** The comments {@link #wrap} puts after a node, in source order. */
  Doc after(Node node) {
    var parts = new ArrayList<Doc>();
    for (var c : attachments.of(node)) {
      switch (c.placement()) {
        case AFTER -> {
          parts.add(text(" "));
          parts.add(verbatim(c, false));
        }
        case END_OF_LINE -> {
          parts.add(suffix(c));
          if (c.breaks()) parts.add(new Doc.BreakParent());
        }
        default -> { }
      }
    }
    return parts.isEmpty() ? Doc.EMPTY : concat(parts);
  }

  /** Comments at the end of the line of a node's opening bracket; they keep a list broken. */
  Doc insideStart(Node node) {
    var parts = new ArrayList<Doc>();
    for (var c : attachments.of(node, Placement.INSIDE_START)) parts.add(suffix(c));
    if (!parts.isEmpty()) parts.add(new Doc.BreakParent());
    return concat(parts);
  }

  /** True when any comment is attached to the node. */
  boolean hasAny(Node node) { return !attachments.of(node).isEmpty(); }

  boolean hasInsideStart(Node node) { return attachments.has(node, Placement.INSIDE_START); }

  boolean hasInsideEnd(Node node) { return attachments.has(node, Placement.INSIDE_END); }

  /**
   * Comments on their own lines before a node's closing bracket. {@code afterContent}: items come
   * before them, so the first one starts a new line (keeping an empty line where the author left one);
   * otherwise the caller has already broken the line after the opening bracket.
   */
  Doc insideEnd(Node node, boolean afterContent) {
    var parts = new ArrayList<Doc>();
    for (var c : attachments.of(node, Placement.INSIDE_END)) {
      if (afterContent || !parts.isEmpty()) {
        parts.add(source.blankLineBefore(c.comment().span().start()) ? Doc.blankline() : Doc.hardline());
      }
      parts.add(verbatim(c, true));
    }
    return concat(parts);
  }

  /** Comments that end the line of a node (the file, for comments that end the last line). */
  Doc endOfLine(Node node) {
    var parts = new ArrayList<Doc>();
    for (var c : attachments.of(node, Placement.END_OF_LINE)) parts.add(suffix(c));
    return concat(parts);
  }

  private Doc verbatim(Attached c, boolean ownLine) {
    mark(c.comment());
    return new Doc.Verbatim(normalized(c.comment()), ownLine);
  }

  private Doc suffix(Attached c) {
    mark(c.comment());
    return new Doc.LineSuffix(normalized(c.comment()));
  }

  private void mark(Comment c) {
    printed.add(c);
    prints++;
  }

  /** Trailing blanks go; block comments keep their lines, with Unix line ends. */
  static String normalized(Comment c) {
    String text = c.span().text();
    return text.startsWith("/*") ? text.replace("\r\n", "\n") : text.stripTrailing();
  }
}
