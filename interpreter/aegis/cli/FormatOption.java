package aegis.cli;

import picocli.CommandLine.Model.CommandSpec;

/** The {@code --format} option of commands that can answer machines as well as people. */
public final class FormatOption {
  /** How a command prints its result. */
  public enum Format { TEXT, JSON }

  Format format = Format.TEXT;

  CommandSpec spec() {
    return Specs.mixin(this).addOption(Specs.option("--format", () -> format, v -> format = v,
            "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        .paramLabel("FORMAT").type(Format.class).defaultValue("text").build());
  }

  public Format format() { return format; }
}
