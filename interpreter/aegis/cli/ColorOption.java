package aegis.cli;

import picocli.CommandLine.Model.CommandSpec;

/** The {@code --color} option, shared by every command that prints diagnostics. */
public final class ColorOption {
  /** When to colour output. */
  public enum Mode { AUTO, ALWAYS, NEVER }

  Mode mode = Mode.AUTO;

  CommandSpec spec() {
    return Specs.mixin(this).addOption(Specs.option("--color", () -> mode, v -> mode = v,
            "Colour the output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). auto colours "
                + "only when standard output is a terminal, NO_COLOR is unset or empty and TERM is not dumb; "
                + "always overrides NO_COLOR, as no-color.org asks of explicit flags.")
        .paramLabel("WHEN").type(Mode.class).defaultValue("auto").build());
  }

  public boolean enabled(CliContext context) {
    return switch (mode) {
      case AUTO -> context.colorByDefault();
      case ALWAYS -> true;
      case NEVER -> false;
    };
  }
}
