package aegis.cli;

import picocli.CommandLine.Option;

/** The {@code --format} option of commands that can answer machines as well as people. */
public final class FormatOption {
  /** How a command prints its result. */
  public enum Format { TEXT, JSON }

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format = Format.TEXT;

  public Format format() { return format; }
}
