package vn.dondoc.app.directives;

import jakarta.annotation.PreDestroy;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.springframework.stereotype.Component;
import vn.dondoc.app.directives.DirectiveImport.Result;
import vn.dondoc.app.web.InvalidFieldException;

/**
 * Reading a scan takes seconds a page, too long for an HTTP request a proxy may cut: the upload starts a
 * job here and the page polls its progress. One job at a time (a reading keeps the cores busy, its pages
 * side by side); jobs live in memory for the person who started them, and a finished one is dropped after it is read
 * {@link #KEEP} times or when the app restarts (the file can be uploaded again).
 */
@Component
class DirectiveImportJobs {

  /** How many times a finished job can be fetched (the page's last poll and a reload). */
  static final int KEEP = 3;

  enum Status {
    RUNNING,
    DONE,
    FAILED
  }

  /** What the page sees: progress in pages, then the text as recognised and the drafts read from it. */
  record View(UUID id, Status status, int pagesDone, int pages, String text, Result result) {}

  /** A finished reading: the document's text and the drafts. */
  record Outcome(String text, Result result) {}

  private static final class Job {
    final String owner;
    final int pages;
    volatile int pagesDone;
    volatile Status status = Status.RUNNING;
    volatile Outcome outcome;
    volatile InvalidFieldException error;
    int fetchedAfterEnd;

    Job(String owner, int pages) {
      this.owner = owner;
      this.pages = pages;
    }
  }

  private final Map<UUID, Job> jobs = new ConcurrentHashMap<>();
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
    Thread thread = new Thread(r, "directive-ocr");
    thread.setDaemon(true);
    return thread;
  });

  /** Starts {@code work}, which reports each page done; returns the job's id. */
  UUID start(String owner, int pages, Function<IntConsumer, Outcome> work) {
    return start(owner, pages, (id, progress) -> work.apply(progress));
  }

  /** As {@link #start(String, int, Function)}, for work that keeps what it made under the job's id (the desk's draft). */
  UUID start(String owner, int pages, BiFunction<UUID, IntConsumer, Outcome> work) {
    UUID id = UUID.randomUUID();
    Job job = new Job(owner, pages);
    jobs.put(id, job);
    worker.submit(() -> {
      try {
        job.outcome = work.apply(id, done -> job.pagesDone = done);
        job.status = Status.DONE;
      } catch (InvalidFieldException e) {
        job.error = e;
        job.status = Status.FAILED;
      } catch (RuntimeException e) {
        job.error = new InvalidFieldException("file", "validation.directive.scan-failed");
        job.status = Status.FAILED;
      }
    });
    return id;
  }

  /** The job as its owner sees it; a failed job's error is thrown (a 400 naming the field); null for no such job of the owner's. */
  synchronized View view(UUID id, String owner) {
    Job job = jobs.get(id);
    if (job == null || !job.owner.equals(owner)) {
      return null;
    }
    if (job.status != Status.RUNNING && ++job.fetchedAfterEnd >= KEEP) {
      jobs.remove(id);
    }
    if (job.status == Status.FAILED) {
      throw job.error;
    }
    Outcome outcome = job.outcome;
    return new View(
        id,
        job.status,
        job.pagesDone,
        job.pages,
        outcome == null ? null : outcome.text(),
        outcome == null ? null : outcome.result());
  }

  @PreDestroy
  void stop() {
    worker.shutdownNow();
  }
}
