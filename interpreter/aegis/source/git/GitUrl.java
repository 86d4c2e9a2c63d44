package aegis.source.git;

import aegis.diagnostics.Code;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A runbook in a git repository, as written on the command line:
 * {@code git+<remote>//<path>@<ref>}, e.g.
 * {@code git+https://git.example.com/ops/runbooks.git//runbooks/deploy.aegis@v1.4.0} or
 * {@code git+file:///srv/git/ops.git//runbooks/deploy.aegis@main}. The first {@code //} after the
 * remote's {@code scheme://} separates the remote from the path inside the repository; the last
 * {@code @} starts the ref (a tag, a branch or a commit id). The ref is required: a runbook from
 * git is always pinned.
 *
 * @param remote the repository URL ({@code file://}, {@code https://} or {@code ssh://})
 * @param path   the runbook's path inside the repository, normalized, without a leading slash
 * @param ref    a tag, a branch, a full or abbreviated commit id
 */
public record GitUrl(String remote, String path, String ref) {
  /** What a git runbook argument starts with. */
  public static final String PREFIX = "git+";

  private static final List<String> SCHEMES = List.of("file", "https", "ssh");

  public GitUrl {
    if (remote == null || path == null || ref == null) throw new IllegalArgumentException("a git URL needs a remote, a path and a ref");
  }

  /** Whether a RUNBOOK argument names a git source (and must parse as one). */
  public static boolean isGitUrl(String argument) {
    return argument != null && argument.startsWith(PREFIX);
  }

  /** Parses {@code git+<remote>//<path>@<ref>}; every mistake is explained with the expected form. */
  public static GitUrl parse(String text) throws GitSourceException {
    if (!isGitUrl(text)) throw bad(text, "a git runbook starts with `git+`");
    String url = text.substring(PREFIX.length());
    int schemeEnd = url.indexOf("://");
    if (schemeEnd <= 0) {
      throw bad(text, "`" + url + "` has no scheme; git runbooks are read from file://, https:// or ssh:// URLs");
    }
    String scheme = url.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
    if (!SCHEMES.contains(scheme)) {
      throw bad(text, "the scheme `" + scheme + "` is not supported; use file://, https:// or ssh://");
    }
    int afterScheme = schemeEnd + 3;
    int separator = url.indexOf("//", afterScheme + 1);
    if (separator < 0) {
      throw bad(text, "there is no `//` between the repository and the path of the runbook in it");
    }
    String remote = url.substring(0, separator);
    String rest = url.substring(separator + 2);
    int at = rest.lastIndexOf('@');
    if (at < 0) {
      throw bad(text, "no ref: end the URL with `@REF`, a tag, a branch or a commit id (a runbook from git is always pinned)");
    }
    String ref = rest.substring(at + 1);
    if (ref.isBlank() || ref.chars().anyMatch(c -> Character.isWhitespace(c) || c == '~' || c == '^' || c == ':')) {
      throw bad(text, "`" + ref + "` is not a ref: name a tag, a branch or a commit id");
    }
    String path = normalize(text, rest.substring(0, at));
    if (remote.length() <= afterScheme) throw bad(text, "the repository URL `" + remote + "` names no repository");
    return new GitUrl(remote, path, ref);
  }

  /** The same runbook at another ref (a commit id, when a plan pins it). */
  public GitUrl withRef(String otherRef) {
    return new GitUrl(remote, path, otherRef);
  }

  /** The URL as it is written on the command line. */
  public String text() {
    return PREFIX + remote + "//" + path + "@" + ref;
  }

  @Override
  public String toString() { return text(); }

  /** {@code a/./b/../c.aegis} becomes {@code a/c.aegis}; a path that leaves the repository is refused. */
  private static String normalize(String text, String raw) throws GitSourceException {
    if (raw.isBlank()) throw bad(text, "no path: name the runbook's file inside the repository after `//`");
    if (raw.indexOf('\\') >= 0) throw bad(text, "the path `" + raw + "` contains a backslash; paths in git use `/`");
    var parts = new ArrayList<String>();
    for (String part : raw.split("/")) {
      if (part.isEmpty() || part.equals(".")) continue;
      if (part.equals("..")) {
        if (parts.isEmpty()) throw bad(text, "the path `" + raw + "` leaves the repository");
        parts.removeLast();
      } else {
        parts.add(part);
      }
    }
    if (parts.isEmpty()) throw bad(text, "no path: name the runbook's file inside the repository after `//`");
    return String.join("/", parts);
  }

  private static GitSourceException bad(String text, String why) {
    return new GitSourceException(Code.AEG310, text, "`" + text + "` is not a git runbook URL: " + why)
        .withHint("the form is git+URL//PATH@REF, e.g. git+https://git.example.com/ops.git//runbooks/deploy.aegis@v1.4.0");
  }
}
