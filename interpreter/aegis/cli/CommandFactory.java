package aegis.cli;

import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/** Creates commands, mixins and providers for picocli, handing each command its context. */
final class CommandFactory implements IFactory {
  private final CliContext context;
  private final IFactory fallback = CommandLine.defaultFactory();

  CommandFactory(CliContext context) {
    this.context = context;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    K made = fallback.create(type);
    if (made instanceof AegisCommand command) command.bind(context);
    return made;
  }
}
