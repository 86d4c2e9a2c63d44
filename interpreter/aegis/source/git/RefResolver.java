package aegis.source.git;

import aegis.diagnostics.Code;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.AbbreviatedObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Turns the ref of a git runbook URL into a commit, the way {@code git rev-parse} orders names: a
 * full commit id first, then a tag, then a branch, then a full ref name ({@code refs/...}), then an
 * abbreviated commit id. Annotated tags are peeled to their commit and kept (their signature is
 * what {@code --require-signed} checks). A ref that names nothing is an error naming it and the
 * nearest tags.
 */
final class RefResolver {
  private static final Pattern ABBREVIATED = Pattern.compile("[0-9a-fA-F]{4,39}");
  private static final int NEAREST = 3;

  private RefResolver() {}

  /**
   * What a ref named.
   *
   * @param commit   the commit its files are read from
   * @param tag      the annotated tag it named, or null (a lightweight tag, a branch, an id)
   * @param describe how people say what it named: {@code tag v1.2}, {@code branch main}, {@code commit 1a2b3c4d5e6f}
   */
  record Resolution(RevCommit commit, RevTag tag, String describe) {}

  /** Whether {@code ref} is a full 40-digit commit id: the only kind of ref that can never move. */
  static boolean isFullCommitId(String ref) {
    return ObjectId.isId(ref);
  }

  /**
   * @param shown the URL as given, for messages
   * @return the resolution, or null when the repository has no object of that name
   */
  static Resolution find(Repository repo, RevWalk walk, String ref, String shown) throws GitSourceException, IOException {
    if (isFullCommitId(ref)) {
      ObjectId id = ObjectId.fromString(ref);
      if (!repo.getObjectDatabase().has(id)) return null;
      return peel(walk, walk.parseAny(id), "commit " + short12(id), shown, ref);
    }
    for (String prefix : List.of(Constants.R_TAGS, Constants.R_HEADS)) {
      Ref named = repo.exactRef(prefix + ref);
      if (named != null) return peel(walk, walk.parseAny(named.getObjectId()), kind(prefix) + " " + ref, shown, ref);
    }
    if (ref.startsWith(Constants.R_REFS)) {
      Ref named = repo.exactRef(ref);
      if (named != null) return peel(walk, walk.parseAny(named.getObjectId()), ref, shown, ref);
    }
    if (ABBREVIATED.matcher(ref).matches()) {
      var candidates = new ArrayList<ObjectId>();
      try (var reader = repo.newObjectReader()) {
        for (ObjectId id : reader.resolve(AbbreviatedObjectId.fromString(ref))) {
          if (walk.parseAny(id) instanceof RevCommit) candidates.add(id);
        }
      }
      if (candidates.size() > 1) {
        throw new GitSourceException(Code.AEG312, shown, "the commit id `" + ref + "` is ambiguous in " + shown
            + ": it starts " + candidates.size() + " commits").withHint("give more digits, or the full 40-digit commit id");
      }
      if (candidates.size() == 1) return peel(walk, walk.parseAny(candidates.getFirst()), "commit " + short12(candidates.getFirst()), shown, ref);
    }
    return null;
  }

  /** Like {@link #find}, but a ref that names nothing is an error naming the nearest tags. */
  static Resolution resolve(Repository repo, RevWalk walk, String ref, String remote, String shown)
      throws GitSourceException, IOException {
    Resolution found = find(repo, walk, ref, shown);
    if (found != null) return found;
    var error = new GitSourceException(Code.AEG312, shown, "no tag, branch or commit `" + ref + "` in " + remote);
    List<String> tags = nearestTags(repo, ref);
    if (!tags.isEmpty()) {
      error.withHint("nearest tags: " + String.join(", ", tags));
    } else {
      List<String> branches = names(repo, Constants.R_HEADS);
      error.withHint(branches.isEmpty() ? "the repository has no tags and no branches"
          : "the repository has no tags; its branches: " + String.join(", ", branches.subList(0, Math.min(5, branches.size()))));
    }
    throw error.withHint(isFullCommitId(ref) ? "a commit must be reachable from a branch or tag of the remote to be fetched" : null);
  }

  /** The tags whose names are closest to {@code ref} (edit distance, then name), at most three. */
  static List<String> nearestTags(Repository repo, String ref) throws IOException {
    String wanted = ref.startsWith(Constants.R_TAGS) ? ref.substring(Constants.R_TAGS.length()) : ref;
    return names(repo, Constants.R_TAGS).stream()
        .sorted(Comparator.comparingInt((String t) -> distance(wanted, t)).thenComparing(Comparator.naturalOrder()))
        .limit(NEAREST).toList();
  }

  private static List<String> names(Repository repo, String prefix) throws IOException {
    return repo.getRefDatabase().getRefsByPrefix(prefix).stream()
        .map(r -> r.getName().substring(prefix.length())).sorted().toList();
  }

  private static Resolution peel(RevWalk walk, RevObject object, String describe, String shown, String ref)
      throws GitSourceException, IOException {
    RevTag outer = object instanceof RevTag t ? t : null;
    RevObject at = object;
    try {
      while (at instanceof RevTag tag) at = walk.parseAny(tag.getObject());
    } catch (MissingObjectException e) {
      throw new GitSourceException(Code.AEG312, shown, "`" + ref + "` points to an object the repository does not have ("
          + e.getObjectId().name() + ")", e);
    }
    if (!(at instanceof RevCommit commit)) {
      throw new GitSourceException(Code.AEG312, shown, "`" + ref + "` names a " + Constants.typeString(at.getType())
          + ", not a commit");
    }
    walk.parseBody(commit);
    if (outer != null) walk.parseBody(outer);
    return new Resolution(commit, outer, describe);
  }

  private static String kind(String prefix) {
    return prefix.equals(Constants.R_TAGS) ? "tag" : "branch";
  }

  /** A commit as people quote it: its first 12 hex digits. */
  static String short12(ObjectId id) {
    return id.name().substring(0, 12);
  }

  /** Edit distance (insertions, deletions, substitutions), for ranking tag names. */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) previous[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
