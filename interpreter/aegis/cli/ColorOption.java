package aegis.cli;

import picocli.CommandLine.Option;

/** The {@code --color} option, shared by every command that prints diagnostics. */
public final class ColorOption {
  /** When to colour output. */
  public enum Mode { AUTO, ALWAYS, NEVER }

  @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
      description = "Colour the output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). auto colours "
          + "only when standard output is a terminal, NO_COLOR is unset or empty and TERM is not dumb; "
          + "always overrides NO_COLOR, as no-color.org asks of explicit flags.")
  Mode mode = Mode.AUTO;

  public boolean enabled(CliContext context) {
    return switch (mode) {
      case AUTO -> context.colorByDefault();
      case ALWAYS -> true;
      case NEVER -> false;
    };
  }
}
