package aegis.plan;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a planned action does to its target. */
public enum Operation {
  /** The target does not exist and will be created. */
  @JsonProperty("create") CREATE,
  /** The target exists and some of its fields will change. */
  @JsonProperty("update") UPDATE,
  /** The target will be deleted. */
  @JsonProperty("delete") DELETE,
  /** The target already is as desired: applying changes nothing. */
  @JsonProperty("noop") NOOP,
  /** A command that has no desired state to compare, e.g. {@code VACUUM ANALYZE} or a rollout restart. */
  @JsonProperty("run") RUN;

  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
