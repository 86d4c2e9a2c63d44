package aegis.cli;

import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * How the commands describe their options: picocli's programmatic model, each option bound to the
 * field it fills. The same structure as picocli's annotated style (one class per subcommand, shared
 * options as mixins), without the annotations: reading them makes the JVM generate a proxy class
 * per annotation type and parse every annotated member at each start (interleaved cold checks
 * 331 -> 311 ms median, 30 ms less CPU; {@code --version} 97 -> 85 ms).
 */
final class Specs {
  private Specs() {}

  /**
   * A command called {@code name}, with {@code -h} and {@code -V}, running {@code command}. The two
   * are written out as {@code mixinStandardHelpOptions} would add them: that reads them from the
   * annotations of picocli's own mixin class.
   */
  static CommandSpec command(Object command, String name, String... description) {
    var spec = CommandSpec.wrapWithoutInspection(command).name(name)
        .addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
            .description("Show this help message and exit.").build())
        .addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
            .description("Print version information and exit.").build());
    spec.usageMessage().description(description);
    return spec;
  }

  /** The options of a mixin (added to a command with {@link CommandSpec#addMixin}). */
  static CommandSpec mixin(Object mixin) { return CommandSpec.wrapWithoutInspection(mixin); }

  /** An option that fills a field: {@code get} and {@code set} read and write it (picocli adds to a list it holds). */
  static <T> OptionSpec.Builder option(String name, Supplier<T> get, Consumer<T> set, String... description) {
    var field = new Field<>(get, set);
    // The field's value now is what picocli resets it to before each parse, as with an annotated field.
    return OptionSpec.builder(name).getter(field).setter(field).initialValue(get.get()).description(description);
  }

  /** A positional parameter that fills a field, as {@link #option} does. */
  static <T> PositionalParamSpec.Builder positional(String label, Supplier<T> get, Consumer<T> set,
                                                    String... description) {
    var field = new Field<>(get, set);
    return PositionalParamSpec.builder().paramLabel(label).getter(field).setter(field).initialValue(get.get())
        .description(description);
  }

  /** A field as picocli's getter and setter, whose generic methods a lambda cannot implement. */
  private static final class Field<T> implements IGetter, ISetter {
    private final Supplier<T> get;
    private final Consumer<T> set;

    private Field(Supplier<T> get, Consumer<T> set) {
      this.get = get;
      this.set = set;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> V get() { return (V) get.get(); }

    @Override
    @SuppressWarnings("unchecked")
    public <V> V set(V value) {
      V old = (V) get.get();
      set.accept((T) value);
      return old;
    }
  }
}
