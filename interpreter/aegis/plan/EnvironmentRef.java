package aegis.plan;

/**
 * The environment a plan targets.
 *
 * @param name   {@code production}
 * @param path   the definition file, e.g. {@code environments/production.aegis}; may be null
 * @param sha256 SHA-256 of the definition's text (it holds no secrets, only references to them)
 */
public record EnvironmentRef(String name, String path, String sha256) {
  public EnvironmentRef {
    if (name == null || name.isBlank() || sha256 == null) throw new IllegalArgumentException("an environment needs a name and a hash");
  }

  public static EnvironmentRef of(String name, String path, String text) {
    return new EnvironmentRef(name, path, Fingerprints.sha256(text));
  }
}
