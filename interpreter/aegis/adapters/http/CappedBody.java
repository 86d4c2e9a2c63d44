package aegis.adapters.http;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body up to a number of bytes, then cancels the rest: a health endpoint that
 * streams gigabytes must not fill the heap of the runbook that asked it for its status.
 */
final class CappedBody implements BodySubscriber<CappedBody.Bytes> {
  /** What was read, and whether there was more. */
  record Bytes(byte[] data, boolean truncated) {}

  private final int cap;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private final CompletableFuture<Bytes> result = new CompletableFuture<>();
  private Flow.Subscription subscription;

  CappedBody(int cap) {
    this.cap = cap;
  }

  @Override
  public CompletionStage<Bytes> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    s.request(1);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    for (ByteBuffer item : items) {
      int room = cap - buffer.size();
      int take = Math.min(room, item.remaining());
      byte[] chunk = new byte[take];
      item.get(chunk);
      buffer.write(chunk, 0, take);
      if (item.hasRemaining()) {
        subscription.cancel();
        result.complete(new Bytes(buffer.toByteArray(), true));
        return;
      }
    }
    subscription.request(1);
  }

  @Override
  public void onError(Throwable error) {
    result.completeExceptionally(error);
  }

  @Override
  public void onComplete() {
    result.complete(new Bytes(buffer.toByteArray(), false));
  }
}
