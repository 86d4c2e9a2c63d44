package aegis.plan;

import java.util.List;

/**
 * Which runbook text a plan was made from.
 *
 * @param path         the runbook as given on the command line (a path, or {@code git+URL//path@ref})
 * @param sha256       SHA-256 of its text
 * @param gitCommit    the commit the text came from, or null outside git
 * @param dependencies every other file it depends on (imported modules, templates, environment
 *                     helpers), each with its hash
 */
public record RunbookSource(String path, String sha256, String gitCommit, List<FileDigest> dependencies) {

  /** A file and the SHA-256 of its content. */
  public record FileDigest(String path, String sha256) {
    public FileDigest {
      if (path == null || sha256 == null) throw new IllegalArgumentException("a file digest needs a path and a hash");
    }

    public static FileDigest of(String path, String text) {
      return new FileDigest(path, Fingerprints.sha256(text));
    }
  }

  public RunbookSource {
    if (path == null || sha256 == null) throw new IllegalArgumentException("a runbook source needs a path and a hash");
    dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
  }

  /** The source of a runbook whose text is {@code text}. */
  public static RunbookSource of(String path, String text, String gitCommit, List<FileDigest> dependencies) {
    return new RunbookSource(path, Fingerprints.sha256(text), gitCommit, dependencies);
  }
}
