package aegis.cli;

import picocli.CommandLine.Model.CommandSpec;

/** A command that gives picocli its model itself (see {@link Specs}); the same model on every call. */
interface Described {
  CommandSpec spec();
}
