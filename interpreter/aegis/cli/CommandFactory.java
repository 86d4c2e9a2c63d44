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
    // They keep their state under $AEGIS_HOME: the context's, not this process's.
    if (type == RunsCommand.class) return type.cast(new RunsCommand(home()));
    if (type == UnlockCommand.class) return type.cast(new UnlockCommand(home()));
    K made = fallback.create(type);
    if (made instanceof AegisCommand command) command.bind(context);
    return made;
  }

  private aegis.exec.journal.AegisHome home() {
    return aegis.exec.journal.AegisHome.resolve(context.env(), context.workingDir());
  }
}
