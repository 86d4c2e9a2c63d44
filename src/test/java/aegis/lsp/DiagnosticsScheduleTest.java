package aegis.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When diagnostics are checked after an edit: at once when nothing is checked or waiting for the
 * document, after the debounce delay while something is (a burst of keystrokes is checked once).
 * The scheduler records the delays it is asked for and runs nothing.
 */
class DiagnosticsScheduleTest {
  @TempDir Path dir;

  @Test
  void anEditIsCheckedAtOnceWhenNothingWaitsAndAfterTheDelayWhileSomethingDoes() {
    var delays = new ArrayList<Long>();
    var scheduler = new ScheduledThreadPoolExecutor(1) {
      @Override
      public ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
        delays.add(unit.toMillis(delay));
        return super.schedule(task, 1, TimeUnit.DAYS);
      }
    };
    try {
      var analyzer = new Analyzer(new DocumentStore(), dir);
      var feature = new DiagnosticsFeature(analyzer, new Locations(analyzer.stdlibFiles()), () -> null, scheduler);
      feature.scheduleAfterEdit("file:///a.aegis");
      feature.scheduleAfterEdit("file:///a.aegis");
      feature.scheduleAfterEdit("file:///a.aegis");
      feature.scheduleAfterEdit("file:///b.aegis");
      feature.clear("file:///a.aegis");
      feature.scheduleAfterEdit("file:///a.aegis");
      long d = DiagnosticsFeature.DEBOUNCE_MS;
      assertEquals(List.of(0L, d, d, 0L, 0L), delays);
    } finally {
      scheduler.shutdownNow();
    }
  }
}
